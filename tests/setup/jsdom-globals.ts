/**
 * jest-environment-jsdom does not expose Node's `structuredClone`, which browsers (and the pane) have. Node's own
 * V8 serializer is the same structured-clone algorithm, so the stand-in behaves like the real one for plan data.
 * Node-environment tests already have it and are left alone.
 */
import { TextDecoder as NodeTextDecoder } from "node:util";
import { deserialize, serialize } from "node:v8";

if (typeof window !== "undefined" && typeof globalThis.structuredClone === "undefined") {
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value)) as T;
}

/**
 * Nor does it expose `TextDecoder`, which browsers have and the CRM import uses to decode an export's bytes
 * (src/crm/decode-text.ts); Node's is the same WHATWG Encoding API, with the same labels (utf-16le, windows-1252).
 */
if (typeof window !== "undefined" && typeof globalThis.TextDecoder === "undefined") {
  globalThis.TextDecoder = NodeTextDecoder as unknown as typeof globalThis.TextDecoder;
}

export {};
