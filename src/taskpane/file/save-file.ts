/** Hands a file to the user. The browser's download by default; tests and hosts without downloads pass their own. */
export type SaveFile = (name: string, text: string) => void;

/** Hands a binary file (the .xlsx workbook) to the user. */
export type SaveBinaryFile = (name: string, bytes: Uint8Array, mimeType: string) => void;

function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadFile: SaveFile = (name, text) =>
  downloadBlob(name, new Blob([text], { type: "application/json" }));

export const downloadBinaryFile: SaveBinaryFile = (name, bytes, mimeType) =>
  downloadBlob(name, new Blob([bytes.slice().buffer], { type: mimeType }));
