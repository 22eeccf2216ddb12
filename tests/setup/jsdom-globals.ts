/**
 * jest-environment-jsdom does not expose Node's `structuredClone`, which browsers (and the pane) have. Node's own
 * V8 serializer is the same structured-clone algorithm, so the stand-in behaves like the real one for plan data.
 * Node-environment tests already have it and are left alone.
 */
import { deserialize, serialize } from "node:v8";

if (typeof window !== "undefined" && typeof globalThis.structuredClone === "undefined") {
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value)) as T;
}

export {};
