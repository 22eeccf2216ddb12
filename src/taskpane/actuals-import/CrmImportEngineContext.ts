import { createContext } from "react";
import type { CrmImportEngine } from "./import-engine";

/**
 * The engine that parses and checks CRM exports: a Web Worker in the page (index.tsx); absent in tests, where the
 * monthly review runs the same code on the page's thread.
 */
export const CrmImportEngineContext = createContext<CrmImportEngine | undefined>(undefined);
