/** Hands a file to the user. The browser's download by default; tests and hosts without downloads pass their own. */
export type SaveFile = (name: string, text: string) => void;

export const downloadFile: SaveFile = (name, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Hands a binary file (the .xlsx workbook) to the user. */
export type SaveBinaryFile = (name: string, bytes: Uint8Array, mimeType: string) => void;

export const downloadBinaryFile: SaveBinaryFile = (name, bytes, mimeType) => {
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
