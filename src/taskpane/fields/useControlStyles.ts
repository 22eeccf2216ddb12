import { makeStyles } from "@fluentui/react-components";

/**
 * Fluent's inputs and text areas keep a minimum width of about 250 px; in a 320 px pane, inside a row or a grid of
 * weights, that pushes the page sideways. Controls here take the width of their field instead.
 */
export const useControlStyles = makeStyles({
  control: { minWidth: 0, width: "100%", boxSizing: "border-box" },
});
