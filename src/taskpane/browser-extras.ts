/**
 * What the pane adds outside Excel (see index.tsx): the .xlsx download button and the chart previews. They arrive
 * in their own chunk, which a pane inside Excel never loads.
 */
export { ChartPreviews } from "./results/ChartPreviews";
export { DownloadWorkbookButton } from "./workbook/DownloadWorkbookButton";
