import { makeStyles, tokens } from "@fluentui/react-components";

// A rule between the pane's parts; Fluent's Divider adds ~8 KB for labelled and vertical variants not needed here.
const useStyles = makeStyles({
  rule: {
    width: "100%",
    margin: 0,
    border: "none",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export function SectionDivider() {
  return <hr className={useStyles().rule} />;
}
