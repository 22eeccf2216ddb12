/**
 * `npm run export -- <plan.json | example name> <out.xlsx>` (also the `sales-plan-export` bin): validates a plan file
 * and writes its workbook as an .xlsx file, for people without the add-in and for batch use (one workbook per region
 * or team). A bad plan prints the validation messages with the field paths and writes nothing; every failure exits
 * non-zero. The file is written to a short temporary name in the output's folder first and renamed, so a failure never
 * leaves a partial file; any failure to write ends in one line naming the path asked for (never the temporary one).
 *
 * With `--deals` and `--activities`, CRM exports fill the workbook's actuals tables and its tracking sheet, all or
 * nothing (src/cli/import-actuals.ts); `--as-of` sets the last day they cover.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { localIsoDate, toExcelSerial } from "../plan/calendar";
import { EXAMPLE_PLANS, isExampleName } from "../plan/examples";
import { decodePlanFile, PLAN_FILE_VERSION, readPlanFile } from "../plan/plan-file";
import { validatePlan, type PlanIssue } from "../plan/validate";
import type { MessageLocale } from "../plan/messages";
import type { Actuals } from "../plan/actuals";
import type { Plan } from "../plan/schema";
import { layoutWorkbook } from "../workbook/layout";
import { buildXlsx } from "../xlsx/write-xlsx";
import { importActualsFiles } from "./import-actuals";

export const USAGE = `Usage: npm run export -- <plan.json | example> <out.xlsx> [--date YYYY-MM-DD] [--lang en-US|fr-FR]
         [--deals <export.csv|.xlsx>] [--activities <export.csv|.xlsx>] [--as-of YYYY-MM-DD]

  <plan.json>   a plan file (as exported by the task pane), or the name of an example: ${Object.keys(EXAMPLE_PLANS).join(", ")}
  <out.xlsx>    the workbook to write (replaced if it exists)
  --date        the generation date shown on the cover (default: today)
  --lang        the language of validation messages (default: en-US)
  --deals       a CRM export of deals (Pipedrive, HubSpot, Salesforce, or a mapping remembered in the plan)
  --activities  a CRM export of activities, likewise
  --as-of       the last day the exports cover (default: the plan's, else the generation date)`;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly today: () => string;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  today: () => localIsoDate(new Date()),
};

interface Arguments {
  readonly source: string;
  readonly output: string;
  readonly date: string | undefined;
  readonly lang: MessageLocale;
  readonly deals: string | undefined;
  readonly activities: string | undefined;
  readonly asOf: string | undefined;
}

const VALUE_OPTIONS = ["--date", "--lang", "--deals", "--activities", "--as-of"] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function parseArguments(args: readonly string[]): Arguments | string {
  const positional: string[] = [];
  let date: string | undefined;
  let lang: MessageLocale = "en-US";
  const files: { deals?: string; activities?: string } = {};
  let asOf: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if ((VALUE_OPTIONS as readonly string[]).includes(arg)) {
      const option = arg as ValueOption;
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      if (option === "--date" || option === "--as-of") {
        try {
          toExcelSerial(value);
        } catch {
          return `${option} must be a real date from 1900-03-01 on, written YYYY-MM-DD (got "${value}")`;
        }
        if (option === "--date") date = value;
        else asOf = value;
      } else if (option === "--deals") {
        files.deals = value;
      } else if (option === "--activities") {
        files.activities = value;
      } else {
        if (value !== "en-US" && value !== "fr-FR") return `--lang must be en-US or fr-FR (got "${value}")`;
        lang = value;
      }
    } else if (arg.startsWith("--")) {
      return `unknown option ${arg}`;
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) return "expected a plan and an output file";
  const [source, output] = positional as [string, string];
  if (!output.toLowerCase().endsWith(".xlsx")) return `the output file must end in .xlsx (got "${output}")`;
  return { source, output, date, lang, deals: files.deals, activities: files.activities, asOf };
}

/**
 * Reads a plan from an example name or a JSON file (the task pane's versioned plan file, or a bare plan); returns the
 * validated plan or the messages to print.
 */
function loadPlan(source: string, lang: MessageLocale): { plan: Plan } | { errors: string[] } {
  const invalid = (issues: readonly PlanIssue[]) => ({
    errors: [`${source} is not a valid plan:`, ...issues.map((issue) => `  - ${issue.message}`)],
  });
  if (isExampleName(source)) {
    const result = validatePlan(EXAMPLE_PLANS[source], lang);
    return result.ok ? { plan: result.plan } : invalid(result.issues);
  }
  let text: string;
  try {
    text = decodePlanFile(readFileSync(source));
  } catch (error) {
    return { errors: [`cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const reading = readPlanFile(text, lang);
  if (reading.ok) return { plan: reading.plan };
  switch (reading.reason) {
    case "notJson":
      return { errors: [`${source} is not valid JSON`] };
    case "notPlanFile":
      return {
        errors: [
          `${source} is neither a plan file exported by the task pane nor a plan (an object with schemaVersion and meta)`,
        ],
      };
    case "newerVersion":
      return {
        errors: [
          `${source} is a plan file of version ${reading.formatVersion}; this version reads up to ${PLAN_FILE_VERSION}`,
        ],
      };
    case "invalidPlan":
      return invalid(reading.issues);
  }
}

/** Runs the command; resolves with the exit code (0 written, 1 refused or failed, 2 bad usage). */
export async function main(args: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const parsed = parseArguments(args);
  if (typeof parsed === "string") {
    io.err(`sales-plan-export: ${parsed}`);
    io.err(USAGE);
    return 2;
  }
  const loaded = loadPlan(parsed.source, parsed.lang);
  if ("errors" in loaded) {
    for (const line of loaded.errors) io.err(line);
    io.err(`Nothing was written.`);
    return 1;
  }
  let plan = loaded.plan;
  if (parsed.asOf !== undefined) {
    const withAsOf = validatePlan(
      { ...plan, measurement: { ...plan.measurement, tracking: { ...plan.measurement.tracking, asOf: parsed.asOf } } },
      parsed.lang,
    );
    if (!withAsOf.ok) {
      for (const issue of withAsOf.issues) io.err(`--as-of: ${issue.message}`);
      io.err(`Nothing was written.`);
      return 1;
    }
    plan = withAsOf.plan;
  }
  let actuals: Actuals | undefined;
  if (parsed.deals !== undefined || parsed.activities !== undefined) {
    const imported = await importActualsFiles(
      plan,
      { deals: parsed.deals, activities: parsed.activities },
      parsed.lang,
    );
    if (!imported.ok) {
      io.err("The CRM exports cannot be imported in full:");
      for (const line of imported.errors) io.err(`  - ${line}`);
      io.err(`Nothing was written.`);
      return 1;
    }
    for (const warning of imported.warnings) io.err(warning);
    actuals = imported.actuals;
  }
  const output = path.resolve(parsed.output);
  // Short, so that any name the file system accepts for the output also fits its temporary name.
  const partial = path.join(path.dirname(output), `.spb-${randomBytes(4).toString("hex")}.tmp`);
  let partialWritten = false;
  try {
    const spec = layoutWorkbook(plan, { generatedOn: parsed.date ?? io.today(), ...(actuals ? { actuals } : {}) });
    const bytes = await buildXlsx(spec);
    writeFileSync(partial, bytes, { flag: "wx" });
    partialWritten = true;
    renameSync(partial, output);
    partialWritten = false;
    const charts = spec.sheets.reduce((count, sheet) => count + sheet.charts.length, 0);
    const records = actuals ? ` (${actuals.deals.length} deals, ${actuals.activities.length} activities)` : "";
    io.out(
      `Wrote ${parsed.output}: ${spec.sheets.length} sheets, ${spec.names.length} named figures, ${charts} charts.${records}`,
    );
    return 0;
  } catch (error) {
    if (partialWritten) rmSync(partial, { force: true });
    io.err(
      `sales-plan-export: could not write ${parsed.output}: ${whyNotWritten(error, parsed.output)}. Nothing was written.`,
    );
    return 1;
  }
}

/** The nearest folder on the way to `output` that is in fact a file, if any. */
function fileInTheWay(output: string): string | undefined {
  for (let folder = path.dirname(output); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    try {
      if (statSync(folder).isFile()) return folder;
    } catch {
      // Missing or unreadable: look further up.
    }
  }
  return undefined;
}

/**
 * Why the output could not be written, in words about the path the user gave: the system's own message would name the
 * temporary file instead.
 */
function whyNotWritten(error: unknown, output: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOTDIR": {
      const file = fileInTheWay(output);
      return file === undefined ? "a part of its folder path is not a folder" : `${file} is a file, not a folder`;
    }
    case "ENOENT":
      return `the folder ${path.dirname(output)} does not exist`;
    case "ENAMETOOLONG":
      return "the file name is too long";
    case "EISDIR":
      return "it is a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the folder is read-only";
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full";
    case undefined:
      return error instanceof Error ? error.message : String(error);
    default:
      return `the system refused it (${code})`;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`sales-plan-export: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
