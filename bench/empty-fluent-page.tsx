/**
 * The load-size baseline: the smallest Fluent UI v9 + React page (a FluentProvider with the web light theme and one
 * Text, as the pane's heading), built with the project's own webpack configuration. The task pane's script is
 * measured against it.
 */
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

const container = document.getElementById("root");
if (!container) throw new Error("The page has no #root element.");
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <Text as="h1">Empty Fluent page</Text>
  </FluentProvider>,
);
