/**
 * Offline checks of the add-in only (XML) manifest.
 *
 * Microsoft's validator (`office-addin-manifest validate`) posts the manifest to a web service, so it cannot run
 * here. These checks cover what the project can verify itself: the XML parses; each element's children appear in
 * the order the schema's sequences require (for every element this manifest uses); every `resid` names a
 * resource of the right kind; URLs are https and under one base URL (localhost only when allowed); the served
 * files exist, icons with their declared pixel sizes; the shared runtime uses one resid everywhere; the
 * custom-functions namespace is a valid name; every localized override names a locale once; every localized
 * functions metadata file declares the same functions and parameters as the default one. Each check returns
 * problems as sentences; none throws.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { PNG } from "pngjs";

/** One element of the parsed manifest: local name (no namespace prefix), attributes, children, text. */
export interface ManifestElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly ManifestElement[];
  readonly text: string;
  /** Slash-separated path from the root, for messages: OfficeApp/VersionOverrides/Hosts/Host. */
  readonly path: string;
}

/**
 * Child order inside each element, from the schema's xs:sequence definitions (the TaskPaneApp schema and
 * taskpaneappversionoverrides, as listed in "How to find the proper order of manifest elements"). An element
 * whose name is a key here may only contain the listed children, in this order. `Override` children of localizable
 * elements are listed where the schema allows them.
 */
const CHILD_ORDER: Readonly<Record<string, readonly string[]>> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  DisplayName: ["Override"],
  Description: ["Override"],
  IconUrl: ["Override"],
  HighResolutionIconUrl: ["Override"],
  SupportUrl: ["Override"],
  AppDomains: ["AppDomain"],
  Requirements: ["Sets", "Methods"],
  Sets: ["Set"],
  DefaultSettings: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
  SourceLocation: ["Override"],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
  Runtimes: ["Runtime"],
  AllFormFactors: ["ExtensionPoint"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  OfficeTab: ["Group"],
  CustomTab: ["Group", "OfficeGroup", "Label", "InsertAfter", "InsertBefore"],
  Group: ["OverriddenByRibbonApi", "Label", "Icon", "Control"],
  Control: ["OverriddenByRibbonApi", "Label", "Supertip", "Icon", "Action", "Enabled", "Items"],
  Supertip: ["Title", "Description"],
  Icon: ["Image"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "FunctionName"],
  Script: ["SourceLocation"],
  Page: ["SourceLocation"],
  Metadata: ["SourceLocation"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Images: ["Image"],
  Urls: ["Url"],
  ShortStrings: ["String"],
  LongStrings: ["String"],
  Image: ["Override"],
  Url: ["Override"],
  String: ["Override"],
};

/** Children of `Hosts` differ by parent; `ExtensionPoint` children differ by type. */
const HOSTS_CHILDREN = ["Host"];
const EXTENSION_POINT_ORDER: Readonly<Record<string, readonly string[]>> = {
  CustomFunctions: ["Script", "Page", "Metadata", "Namespace"],
  PrimaryCommandSurface: ["OfficeTab", "CustomTab"],
  ContextMenu: ["OfficeMenu"],
};

/** Which resource collection each referencing element must point into. */
const RESOURCE_KIND_BY_ELEMENT: Readonly<Record<string, "Images" | "Urls" | "ShortStrings" | "LongStrings">> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Runtime: "Urls",
  Namespace: "ShortStrings",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

const MAX_RESOURCE_ID_LENGTH = 32;
const NAMESPACE_PATTERN = /^[A-Za-z][A-Za-z0-9_.]{2,31}$/;
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION_PATTERN = /^\d{1,5}(\.\d{1,5}){0,3}$/;

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: OrderedNode, parentPath: string): ManifestElement | undefined {
  const tag = Object.keys(node).find((key) => key !== ":@");
  if (tag === undefined || tag === "#text" || tag === "#comment" || tag.startsWith("?")) return undefined;
  const name = localName(tag);
  const elementPath = parentPath ? `${parentPath}/${name}` : name;
  const rawChildren = (node[tag] as OrderedNode[] | undefined) ?? [];
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[":@"] ?? {})) attributes[localName(key.replace(/^@_/, ""))] = value;
  const text = rawChildren
    .map((child) =>
      typeof child["#text"] === "string" || typeof child["#text"] === "number" ? String(child["#text"]) : "",
    )
    .join("")
    .trim();
  const children = rawChildren
    .map((child) => toElement(child, elementPath))
    .filter((child): child is ManifestElement => child !== undefined);
  return { name, attributes, children, text, path: elementPath };
}

/** Parses a manifest; returns the root element or the parse problem. */
export function parseManifest(xml: string): { root?: ManifestElement; problems: string[] } {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    return { problems: [`the XML does not parse: ${validation.err.msg} (line ${validation.err.line})`] };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseAttributeValue: false,
    parseTagValue: false,
    commentPropName: "#comment",
  });
  const document = parser.parse(xml) as OrderedNode[];
  const root = document.map((node) => toElement(node, "")).find((element) => element !== undefined);
  if (!root) return { problems: ["the XML has no root element"] };
  if (root.name !== "OfficeApp") return { problems: [`the root element is <${root.name}>, expected <OfficeApp>`] };
  return { root, problems: [] };
}

function* walk(element: ManifestElement): Generator<ManifestElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

function expectedChildren(element: ManifestElement): readonly string[] | undefined {
  if (element.name === "Hosts") return HOSTS_CHILDREN;
  if (element.name === "ExtensionPoint") return EXTENSION_POINT_ORDER[element.attributes.type ?? ""];
  return CHILD_ORDER[element.name];
}

/** Children must be known to their parent and appear in the schema's order. */
export function checkElementOrder(root: ManifestElement): string[] {
  const problems: string[] = [];
  for (const element of walk(root)) {
    const order = expectedChildren(element);
    if (!order) continue;
    let lastIndex = -1;
    let lastName = "";
    for (const child of element.children) {
      const index = order.indexOf(child.name);
      if (index === -1) {
        problems.push(
          `<${child.name}> is not a valid child of ${element.path} (allowed, in order: ${order.join(", ")})`,
        );
        continue;
      }
      if (index < lastIndex) {
        problems.push(`<${child.name}> must come before <${lastName}> in ${element.path}`);
      } else {
        lastIndex = index;
        lastName = child.name;
      }
    }
  }
  return problems;
}

interface Resource {
  readonly kind: string;
  readonly id: string;
  readonly value: string;
  readonly overrides: readonly string[];
}

function collectResources(root: ManifestElement): { resources: Map<string, Resource>; problems: string[] } {
  const problems: string[] = [];
  const resources = new Map<string, Resource>();
  const container = root.children
    .find((c) => c.name === "VersionOverrides")
    ?.children.find((c) => c.name === "Resources");
  for (const collection of container?.children ?? []) {
    for (const item of collection.children) {
      const id = item.attributes.id ?? "";
      if (id === "") problems.push(`a resource in ${collection.path} has no id`);
      if (id.length > MAX_RESOURCE_ID_LENGTH) {
        problems.push(`resource id "${id}" is longer than ${MAX_RESOURCE_ID_LENGTH} characters`);
      }
      if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
      const overrides = item.children.filter((c) => c.name === "Override").map((c) => c.attributes.Value ?? "");
      resources.set(id, { kind: collection.name, id, value: item.attributes.DefaultValue ?? "", overrides });
    }
  }
  return { resources, problems };
}

/** Every resid resolves to a resource of the kind its element needs, and every resource is used. */
export function checkResourceIds(root: ManifestElement): string[] {
  const { resources, problems } = collectResources(root);
  const used = new Set<string>();
  for (const element of walk(root)) {
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const resource = resources.get(resid);
    if (!resource) {
      problems.push(`${element.path} refers to resid "${resid}", which is not defined in <Resources>`);
      continue;
    }
    const kind = RESOURCE_KIND_BY_ELEMENT[element.name];
    if (kind && resource.kind !== kind) {
      problems.push(`${element.path} refers to "${resid}" in <${resource.kind}>, but it needs a resource in <${kind}>`);
    }
  }
  for (const id of resources.keys()) {
    if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);
  }
  return problems;
}

/** The base URL a manifest serves from: its task pane URL without the page name. */
export function manifestBaseUrl(root: ManifestElement): string | undefined {
  const source = root.children
    .find((c) => c.name === "DefaultSettings")
    ?.children.find((c) => c.name === "SourceLocation")?.attributes.DefaultValue;
  return source?.replace(/\/[^/]*$/, "");
}

function allUrls(root: ManifestElement): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  const urlElements = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"]);
  for (const element of walk(root)) {
    if (element.name === "AppDomain") urls.push({ where: element.path, url: element.text });
    if (!urlElements.has(element.name) && !(element.name === "Override" && element.path.includes("/Urls/"))) continue;
    for (const key of ["DefaultValue", "Value"]) {
      const value = element.attributes[key];
      if (value !== undefined) urls.push({ where: element.path, url: value });
    }
  }
  return urls;
}

export interface UrlCheckOptions {
  /** Localhost URLs are allowed in the development manifest only. */
  readonly allowLocalhost: boolean;
}

/** Every URL is absolute https, localhost only where allowed, and the add-in's own files share one base URL. */
export function checkUrls(root: ManifestElement, options: UrlCheckOptions): string[] {
  const problems: string[] = [];
  const base = manifestBaseUrl(root);
  if (!base) problems.push("DefaultSettings/SourceLocation has no DefaultValue: the task pane URL is missing");
  for (const { where, url } of allUrls(root)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where} has "${url}", which is not an absolute URL`);
      continue;
    }
    if (parsed.protocol !== "https:") problems.push(`${where} uses ${parsed.protocol} (${url}); Office requires https`);
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(parsed.hostname);
    if (local && !options.allowLocalhost)
      problems.push(`${where} points at ${parsed.host} in a production manifest (${url})`);
  }
  return problems;
}

/** Metadata sanity: GUID id, version, provider, names within their length limits, a valid function namespace. */
export function checkIdentity(root: ManifestElement): string[] {
  const problems: string[] = [];
  const child = (name: string): ManifestElement | undefined => root.children.find((c) => c.name === name);
  const id = child("Id")?.text ?? "";
  if (!GUID_PATTERN.test(id)) problems.push(`<Id> must be a GUID (got "${id}")`);
  const version = child("Version")?.text ?? "";
  if (!VERSION_PATTERN.test(version)) problems.push(`<Version> must look like 1.0.0.0 (got "${version}")`);
  if ((child("ProviderName")?.text ?? "") === "") problems.push("<ProviderName> is empty");
  const limits: [string, number][] = [
    ["DisplayName", 125],
    ["Description", 250],
  ];
  for (const [name, max] of limits) {
    const element = child(name);
    const values = [
      element?.attributes.DefaultValue ?? "",
      ...(element?.children.map((o) => o.attributes.Value ?? "") ?? []),
    ];
    if (values[0] === "") problems.push(`<${name}> has no DefaultValue`);
    for (const value of values) {
      if (value.length > max) problems.push(`<${name}> "${value.slice(0, 30)}…" is longer than ${max} characters`);
    }
  }
  const { resources } = collectResources(root);
  for (const element of walk(root)) {
    if (element.name !== "Namespace") continue;
    const namespace = resources.get(element.attributes.resid ?? "")?.value ?? "";
    if (!NAMESPACE_PATTERN.test(namespace)) {
      problems.push(
        `the custom-functions namespace "${namespace}" must start with a letter and hold 3 to 32 letters, digits, "_" or "."`,
      );
    }
  }
  return problems;
}

/**
 * The shared runtime only loads when the runtime, the custom-functions page and the function file use the same
 * resid (a mismatch silently breaks it), and the runtime must be long-lived.
 */
export function checkSharedRuntime(root: ManifestElement): string[] {
  const problems: string[] = [];
  const elements = [...walk(root)];
  const runtime = elements.find((e) => e.name === "Runtime");
  if (!runtime) return ["no <Runtime> is declared: the task pane and the custom functions would not share a runtime"];
  if (runtime.attributes.lifetime !== "long") problems.push(`<Runtime> must have lifetime="long" for a shared runtime`);
  const runtimeResid = runtime.attributes.resid;
  const page = elements.find((e) => e.name === "SourceLocation" && e.path.endsWith("/Page/SourceLocation"));
  const functionFile = elements.find((e) => e.name === "FunctionFile");
  if (page?.attributes.resid !== runtimeResid) {
    problems.push(
      `the custom-functions <Page> uses resid "${page?.attributes.resid}" but the runtime uses "${runtimeResid}"`,
    );
  }
  if (functionFile && functionFile.attributes.resid !== runtimeResid) {
    problems.push(
      `<FunctionFile> uses resid "${functionFile.attributes.resid}" but the runtime uses "${runtimeResid}"`,
    );
  }
  const sets = elements.filter((e) => e.name === "Set").map((e) => e.attributes.Name);
  if (!sets.includes("SharedRuntime")) problems.push("the SharedRuntime requirement set is not declared");
  problems.push(...checkSingleTaskpane(root));
  return problems;
}

/**
 * A shared runtime supports only one task pane: under a <Host> with a long-lived <Runtime>, no <Action> may carry a
 * <TaskpaneId> (docs: develop/configure-your-add-in-to-use-a-shared-runtime.md, "Good practice: avoid multiple task
 * panes").
 */
function checkSingleTaskpane(root: ManifestElement): string[] {
  const problems: string[] = [];
  const hosts = [...walk(root)].filter((e) => e.name === "Host" && e.children.length > 0);
  for (const host of hosts) {
    const descendants = [...walk(host)];
    const shared = descendants.some((e) => e.name === "Runtime" && e.attributes.lifetime === "long");
    if (!shared) continue;
    for (const action of descendants.filter((e) => e.name === "Action")) {
      if (action.children.some((child) => child.name === "TaskpaneId")) {
        problems.push(
          `${action.path} has a <TaskpaneId>, but its host has a long-lived shared runtime, which supports only one task pane`,
        );
      }
    }
  }
  return problems;
}

export interface ServedFileCheckOptions {
  /** The directory the manifest's base URL serves (a production build's output). */
  readonly servedDirectory: string;
}

/** The declared pixel size of an icon URL, from where it is used. */
function declaredIconSizes(root: ManifestElement): Map<string, Set<number>> {
  const { resources } = collectResources(root);
  const sizes = new Map<string, Set<number>>();
  const add = (url: string | undefined, size: number): void => {
    if (!url) return;
    if (!sizes.has(url)) sizes.set(url, new Set());
    sizes.get(url)!.add(size);
  };
  for (const element of walk(root)) {
    if (element.name === "IconUrl") add(element.attributes.DefaultValue, 32);
    if (element.name === "HighResolutionIconUrl") add(element.attributes.DefaultValue, 64);
    if (element.name === "Image" && element.attributes.size) {
      const resource = resources.get(element.attributes.resid ?? "");
      add(resource?.value, Number(element.attributes.size));
      for (const override of resource?.overrides ?? []) add(override, Number(element.attributes.size));
    }
  }
  return sizes;
}

/** Every URL under the base URL names a file the build emits; icons have their declared pixel size. */
export function checkServedFiles(root: ManifestElement, options: ServedFileCheckOptions): string[] {
  const problems: string[] = [];
  const base = manifestBaseUrl(root);
  if (!base) return ["cannot map URLs to files: the task pane URL is missing"];
  const fileFor = (url: string): string | undefined => {
    if (!url.startsWith(`${base}/`)) return undefined;
    const relative = new URL(url).pathname.slice(new URL(`${base}/`).pathname.length);
    return path.join(options.servedDirectory, decodeURIComponent(relative));
  };
  const checked = new Set<string>();
  for (const { where, url } of allUrls(root)) {
    const file = fileFor(url);
    if (!file || checked.has(file)) continue;
    checked.add(file);
    if (!existsSync(file))
      problems.push(
        `${where} points at ${url}, but the build emits no ${path.relative(options.servedDirectory, file)}`,
      );
  }
  const requiredByFunctions = [...walk(root)].filter(
    (e) => e.name === "SourceLocation" && /\/(Script|Page|Metadata)\/SourceLocation$/.test(e.path),
  );
  const { resources } = collectResources(root);
  for (const location of requiredByFunctions) {
    const resource = resources.get(location.attributes.resid ?? "");
    for (const url of [resource?.value ?? "", ...(resource?.overrides ?? [])]) {
      if (!fileFor(url)) problems.push(`${location.path} (${url}) is not served from the add-in's base URL ${base}`);
    }
  }
  for (const [url, sizes] of declaredIconSizes(root)) {
    const file = fileFor(url);
    if (!file || !existsSync(file)) continue;
    let png: PNG;
    try {
      png = PNG.sync.read(readFileSync(file));
    } catch {
      problems.push(`${url} is not a PNG file`);
      continue;
    }
    for (const size of sizes) {
      if (png.width !== size || png.height !== size) {
        problems.push(`${url} is declared as ${size}×${size} px but is ${png.width}×${png.height} px`);
      }
    }
  }
  return problems;
}

/** A locale as the manifest schema's Override expects it: a language and a region, such as fr-FR. */
const LOCALE_PATTERN = /^[a-z]{2,3}-[A-Za-z]{2,4}$/;

/** Every Override names a well-formed locale, at most once per element, and gives a value. */
export function checkOverrides(root: ManifestElement): string[] {
  const problems: string[] = [];
  for (const element of walk(root)) {
    const overrides = element.children.filter((child) => child.name === "Override");
    const seen = new Set<string>();
    for (const override of overrides) {
      const locale = override.attributes.Locale ?? "";
      if (!LOCALE_PATTERN.test(locale)) {
        problems.push(`${override.path} has Locale "${locale}", which is not a locale such as fr-FR`);
      }
      if (seen.has(locale.toLowerCase())) problems.push(`${element.path} overrides locale "${locale}" twice`);
      seen.add(locale.toLowerCase());
      if ((override.attributes.Value ?? "") === "") problems.push(`${override.path} (${locale}) has no Value`);
    }
  }
  return problems;
}

interface MetadataSignature {
  readonly id: string;
  readonly name: string;
  readonly parameters: string;
  readonly result: string;
}

/** What must not differ between locales: ids, names, parameter names, types and shapes, result types. */
function metadataSignatures(json: string): MetadataSignature[] {
  const metadata = JSON.parse(json) as {
    functions?: { id: string; name: string; parameters?: Record<string, unknown>[]; result?: unknown }[];
  };
  return (metadata.functions ?? []).map((fn) => ({
    id: fn.id,
    name: fn.name,
    parameters: JSON.stringify(
      (fn.parameters ?? []).map(({ name, type, dimensionality, optional, repeating }) => ({
        name,
        type,
        dimensionality,
        optional,
        repeating,
      })),
    ),
    result: JSON.stringify(fn.result ?? null),
  }));
}

/**
 * Each localized custom-functions metadata file (an Override of the Metadata resource) declares the same functions,
 * names and parameters as the default file: Excel matches formulas across locales by these, and a formula written
 * under one display language must work under another.
 */
export function checkLocalizedFunctionsMetadata(root: ManifestElement, options: ServedFileCheckOptions): string[] {
  const base = manifestBaseUrl(root);
  const { resources } = collectResources(root);
  const metadata = [...walk(root)].find(
    (e) => e.name === "SourceLocation" && e.path.endsWith("/Metadata/SourceLocation"),
  );
  const resource = resources.get(metadata?.attributes.resid ?? "");
  if (!base || !resource || resource.overrides.length === 0) return [];
  const read = (url: string): { file: string; signatures?: MetadataSignature[]; problem?: string } => {
    const relative = url.startsWith(`${base}/`) ? url.slice(base.length + 1) : undefined;
    const file = relative === undefined ? undefined : path.join(options.servedDirectory, decodeURIComponent(relative));
    // Missing or foreign files are reported by checkServedFiles and checkUrls.
    if (!file || !existsSync(file)) return { file: url };
    try {
      return { file: relative!, signatures: metadataSignatures(readFileSync(file, "utf8")) };
    } catch (error) {
      return { file: relative!, problem: `${relative} is not valid functions metadata (${(error as Error).message})` };
    }
  };
  const reference = read(resource.value);
  const problems: string[] = reference.problem ? [reference.problem] : [];
  if (!reference.signatures) return problems;
  const expected = new Map(reference.signatures.map((s) => [s.id, s]));
  // Several locales may share one file (fr-FR and fr-CA both use functions-fr.json): check each file once.
  for (const url of new Set(resource.overrides)) {
    const localized = read(url);
    if (localized.problem) problems.push(localized.problem);
    if (!localized.signatures) continue;
    const actual = new Map(localized.signatures.map((s) => [s.id, s]));
    for (const id of expected.keys()) {
      if (!actual.has(id)) problems.push(`${localized.file} does not declare the function ${id} of ${reference.file}`);
    }
    for (const [id, signature] of actual) {
      const wanted = expected.get(id);
      if (!wanted) problems.push(`${localized.file} declares ${id}, which ${reference.file} does not`);
      else if (wanted.name !== signature.name) {
        problems.push(
          `${localized.file} names ${id} "${signature.name}" but ${reference.file} names it "${wanted.name}"`,
        );
      } else if (wanted.parameters !== signature.parameters || wanted.result !== signature.result) {
        problems.push(`${localized.file} declares ${id} with other parameters or result than ${reference.file}`);
      }
    }
  }
  return problems;
}

export interface ManifestCheckOptions extends UrlCheckOptions, ServedFileCheckOptions {}

/** All offline checks of one manifest text. An empty list means the manifest passed. */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const { root, problems } = parseManifest(xml);
  if (!root) return problems;
  return [
    ...checkElementOrder(root),
    ...checkResourceIds(root),
    ...checkUrls(root, options),
    ...checkIdentity(root),
    ...checkSharedRuntime(root),
    ...checkOverrides(root),
    ...checkServedFiles(root, options),
    ...checkLocalizedFunctionsMetadata(root, options),
  ];
}
