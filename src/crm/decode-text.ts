/**
 * Bytes of a CSV export to text. Excel writes "CSV UTF-8" with a byte-order mark, "Unicode text" as UTF-16 LE with a
 * mark, and the plain "CSV" of a French Windows in the ANSI code page (Windows-1252) without any mark; CRMs export
 * UTF-8 with or without the mark. The mark decides when present; otherwise strict UTF-8, then Windows-1252.
 */
import { CrmFileError } from "./messages";

export type CsvInput = string | ArrayBuffer | Uint8Array;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** UTF-16 without a mark shows as a zero byte in about every other byte of ordinary text. */
function looksLikeMarklessUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return sample.length >= 4 && zeros * 4 >= sample.length;
}

export function decodeText(input: CsvInput): string {
  if (typeof input === "string") return input.startsWith("\uFEFF") ? input.slice(1) : input;
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (looksLikeMarklessUtf16(bytes)) throw new CrmFileError("fileEncoding");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
