import {
  Body1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { HostInfo } from "./host";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export interface AppProps {
  readonly host: HostInfo;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={host.theme === "dark" ? webDarkTheme : webLightTheme}>
      <main className={styles.root}>
        <Title2 as="h1">Sales Plan Builder</Title2>
        <Body1>Build a seven-step sales action plan and turn it into live Excel sheets.</Body1>
        {host.insideExcel ? (
          <MessageBar intent="success">
            <MessageBarBody>Running inside Excel: the workbook actions are available.</MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="info">
            <MessageBarBody>
              Running in a browser: the editor works here, the workbook actions need Excel.
            </MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
