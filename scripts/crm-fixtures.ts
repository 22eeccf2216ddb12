/**
 * Seeded synthetic CRM exports in the shape of each supported CRM (headers, separators, number and date formats,
 * status words), with a few bad rows, for the CRM import's tests and benchmark. People and companies are made of
 * random syllables: no real person or company is named. The same seed always gives the same files.
 *
 *   npx tsx scripts/crm-fixtures.ts [out-folder] [--deals 5000] [--activities 40000] [--seed 7]
 *
 * Tests call `generateCrmFixture` in memory with small counts; the `truth` it returns (the records before they were
 * written as text) lets them check the import against an independent computation.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seededRandom } from "../tests/helpers/seeded-random";

export const FIXTURE_CRMS = ["pipedrive-en", "pipedrive-fr", "hubspot", "salesforce"] as const;
export type FixtureCrm = (typeof FIXTURE_CRMS)[number];

export interface FixtureOptions {
  readonly crm: FixtureCrm;
  readonly deals: number;
  readonly activities: number;
  /** Bad rows added to each file (unparseable amount or date, unknown status, missing owner). */
  readonly badRows: number;
  readonly seed: number;
}

export interface TruthDeal {
  readonly id: string;
  readonly owner: string;
  /** In currency units, two decimals. */
  readonly value: number;
  readonly currency: string;
  readonly status: "won" | "lost" | "open";
  /** YYYY-MM-DD */
  readonly createdOn: string;
  /** YYYY-MM-DD when won or lost. */
  readonly closedOn: string | null;
}

export interface TruthActivity {
  readonly id: string;
  readonly owner: string;
  readonly kind: "call" | "email" | "meeting" | "demo" | "task";
  readonly dueOn: string;
  readonly done: boolean;
}

export interface CrmFixture {
  readonly dealsCsv: string;
  readonly activitiesCsv: string;
  /** The good rows' records, as generated. */
  readonly truth: { readonly deals: readonly TruthDeal[]; readonly activities: readonly TruthActivity[] };
  /** Row numbers (header = 1) of the bad rows in each file. */
  readonly badDealRows: readonly number[];
  readonly badActivityRows: readonly number[];
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ra",
  "ven",
  "to",
  "sa",
  "del",
  "ni",
  "qua",
  "bro",
  "zel",
  "tu",
  "ma",
  "rin",
  "ose",
];

function wordOf(random: () => number, syllables: number): string {
  let text = "";
  for (let i = 0; i < syllables; i++) text += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const pad = (value: number): string => String(value).padStart(2, "0");
const DAY_MS = 86_400_000;
const START = Date.UTC(2027, 0, 1);

function dayOf(offset: number): Date {
  return new Date(START + offset * DAY_MS);
}
const isoDay = (date: Date): string =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

interface Shape {
  readonly separator: string;
  readonly amount: (value: number) => string;
  /** A day (with an hour when `hour` is given) as this CRM writes it. */
  readonly date: (date: Date, hour?: number) => string;
}

const SHAPES: Record<FixtureCrm, Shape> = {
  "pipedrive-en": {
    separator: ",",
    amount: (value) => value.toFixed(2),
    date: (date, hour) => `${isoDay(date)}${hour === undefined ? "" : ` ${pad(hour)}:15:00`}`,
  },
  "pipedrive-fr": {
    separator: ";",
    // Excel fr-FR groups thousands with a no-break space and writes a decimal comma.
    amount: (value) =>
      value
        .toFixed(2)
        .replace(".", ",")
        .replace(/\B(?=(\d{3})+(?!\d))/g, "\u00A0"),
    date: (date, hour) =>
      `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}${hour === undefined ? "" : ` ${pad(hour)}:15`}`,
  },
  hubspot: {
    separator: ",",
    amount: (value) => String(value),
    date: (date, hour) => `${isoDay(date)}${hour === undefined ? "" : ` ${pad(hour)}:15`}`,
  },
  salesforce: {
    separator: ",",
    amount: (value) => value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    date: (date, hour) =>
      `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}${hour === undefined ? "" : ` ${pad(hour)}:15`}`,
  },
};

const DEAL_HEADERS: Record<FixtureCrm, readonly string[]> = {
  "pipedrive-en": [
    "Deal - ID",
    "Deal - Title",
    "Deal - Owner",
    "Deal - Value",
    "Deal - Currency",
    "Deal - Status",
    "Deal - Deal created",
    "Deal - Won time",
    "Deal - Lost time",
    "Deal - Stage",
    "Deal - Pipeline",
  ],
  "pipedrive-fr": [
    "Affaire - ID",
    "Affaire - Titre",
    "Affaire - Propriétaire",
    "Affaire - Valeur",
    "Affaire - Statut",
    "Affaire - Affaire créée",
    "Affaire - Date de gain",
    "Affaire - Date de perte",
    "Affaire - Étape",
  ],
  hubspot: ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount", "Pipeline", "Create Date"],
  salesforce: [
    "Opportunity ID",
    "Opportunity Name",
    "Account Name",
    "Stage",
    "Amount",
    "Opportunity Currency",
    "Close Date",
    "Opportunity Owner",
    "Created Date",
    "Won",
    "Closed",
    "Lead Source",
  ],
};

const ACTIVITY_HEADERS: Record<FixtureCrm, readonly string[]> = {
  "pipedrive-en": [
    "Activity - ID",
    "Activity - Subject",
    "Activity - Type",
    "Activity - Assigned to user",
    "Activity - Due date",
    "Activity - Done",
    "Activity - Marked as done time",
  ],
  // No French Pipedrive activity headers were found (see src/crm/presets.ts): the French fixture's activities are
  // written with the English headers, as an account whose exports stay in English would give them.
  "pipedrive-fr": [
    "Activity - ID",
    "Activity - Subject",
    "Activity - Type",
    "Activity - Assigned to user",
    "Activity - Due date",
    "Activity - Done",
    "Activity - Marked as done time",
  ],
  hubspot: ["Record ID", "Activity Type", "Activity date", "Activity assigned to", "Task Status"],
  salesforce: ["Activity ID", "Subject", "Type", "Assigned To", "Date", "Closed", "Completed Date/Time"],
};

const KIND_WORDS: Record<FixtureCrm, Record<TruthActivity["kind"], string>> = {
  "pipedrive-en": { call: "Call", email: "Email", meeting: "Meeting", demo: "Demo", task: "Task" },
  "pipedrive-fr": { call: "Call", email: "Email", meeting: "Meeting", demo: "Demo", task: "Deadline" },
  hubspot: { call: "CALL", email: "EMAIL", meeting: "MEETING", demo: "Demo", task: "TASK" },
  salesforce: { call: "Call", email: "Email", meeting: "Meeting", demo: "Demo", task: "Task" },
};

function csvLine(cells: readonly string[], separator: string): string {
  return cells
    .map((cell) => (/["\n\r]/.test(cell) || cell.includes(separator) ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(separator);
}

function dealCells(crm: FixtureCrm, deal: TruthDeal, title: string, stage: string): string[] {
  const shape = SHAPES[crm];
  const created = shape.date(new Date(`${deal.createdOn}T00:00:00Z`), 9);
  const closed = deal.closedOn === null ? "" : shape.date(new Date(`${deal.closedOn}T00:00:00Z`), 16);
  const amount = shape.amount(deal.value);
  switch (crm) {
    case "pipedrive-en":
      return [
        deal.id,
        title,
        deal.owner,
        amount,
        deal.currency,
        deal.status,
        created,
        deal.status === "won" ? closed : "",
        deal.status === "lost" ? closed : "",
        stage,
        "Sales",
      ];
    case "pipedrive-fr": {
      const status = { won: "Gagné", lost: "Perdu", open: "Ouvert" }[deal.status];
      return [
        deal.id,
        title,
        deal.owner,
        amount,
        status,
        created,
        deal.status === "won" ? closed : "",
        deal.status === "lost" ? closed : "",
        stage,
      ];
    }
    case "hubspot": {
      const dealStage = { won: "closedwon", lost: "closedlost", open: stage }[deal.status];
      return [deal.id, title, dealStage, closed, deal.owner, amount, "default", created];
    }
    case "salesforce": {
      const sfStage = { won: "Closed Won", lost: "Closed Lost", open: stage }[deal.status];
      return [
        deal.id,
        title,
        `${title} Group`,
        sfStage,
        amount,
        deal.currency,
        closed,
        deal.owner,
        created,
        deal.status === "won" ? "1" : "0",
        deal.status === "open" ? "0" : "1",
        "Web",
      ];
    }
  }
}

function activityCells(crm: FixtureCrm, activity: TruthActivity, subject: string): string[] {
  const shape = SHAPES[crm];
  const due = new Date(`${activity.dueOn}T00:00:00Z`);
  const kind = KIND_WORDS[crm][activity.kind];
  const doneAt = activity.done ? shape.date(due, 11) : "";
  switch (crm) {
    case "pipedrive-en":
    case "pipedrive-fr":
      return [
        activity.id,
        subject,
        kind,
        activity.owner,
        isoDay(due),
        activity.done ? "Done" : "Undone",
        activity.done ? `${isoDay(due)} 11:15:00` : "",
      ];
    case "hubspot":
      return [activity.id, kind, shape.date(due), activity.owner, activity.done ? "COMPLETED" : "NOT_STARTED"];
    case "salesforce":
      return [activity.id, subject, kind, activity.owner, shape.date(due), activity.done ? "1" : "0", doneAt];
  }
}

/** A bad row: one defect (the column of the defect depends on `defect`) on an otherwise ordinary row. */
function spoilDeal(crm: FixtureCrm, cells: string[], defect: number): string[] {
  const headers = DEAL_HEADERS[crm];
  const copy = [...cells];
  const at = (name: string) => headers.indexOf(name);
  const owner = at(
    {
      "pipedrive-en": "Deal - Owner",
      "pipedrive-fr": "Affaire - Propriétaire",
      hubspot: "Deal owner",
      salesforce: "Opportunity Owner",
    }[crm],
  );
  const value = at(
    { "pipedrive-en": "Deal - Value", "pipedrive-fr": "Affaire - Valeur", hubspot: "Amount", salesforce: "Amount" }[
      crm
    ],
  );
  const created = at(
    {
      "pipedrive-en": "Deal - Deal created",
      "pipedrive-fr": "Affaire - Affaire créée",
      hubspot: "Create Date",
      salesforce: "Created Date",
    }[crm],
  );
  const status = crm === "pipedrive-en" ? at("Deal - Status") : crm === "pipedrive-fr" ? at("Affaire - Statut") : -1;
  const kind = defect % 4;
  if (kind === 0) copy[owner] = "";
  else if (kind === 1) copy[value] = "n/a";
  else if (kind === 2) copy[created] = "someday";
  else if (status >= 0) copy[status] = "pending";
  else copy[value] = "12..5";
  return copy;
}

export function generateCrmFixture(options: FixtureOptions): CrmFixture {
  const { crm } = options;
  const random = seededRandom(options.seed);
  const shape = SHAPES[crm];
  const owners = Array.from({ length: 12 }, () => `${wordOf(random, 2)} ${wordOf(random, 3)}`);
  const stages = ["Qualified", "Contact made", "Proposal made", "Negotiation"];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const dealLines = [csvLine(DEAL_HEADERS[crm], shape.separator)];
  const deals: TruthDeal[] = [];
  const badDealRows: number[] = [];
  const badEvery = options.badRows > 0 ? Math.max(2, Math.floor(options.deals / options.badRows)) : Infinity;
  for (let i = 0; i < options.deals; i++) {
    // Day 24 first: a day above 12 tells the day/month order of the date columns, as any real export soon does.
    const createdOffset = i === 0 ? 24 : Math.floor(random() * 330);
    const roll = random();
    const status: TruthDeal["status"] = roll < 0.35 ? "won" : roll < 0.6 ? "lost" : "open";
    const closedOn =
      status === "open" ? null : isoDay(dayOf(Math.min(364, createdOffset + 1 + Math.floor(random() * 30))));
    const currency = crm === "pipedrive-en" || crm === "salesforce" ? (random() < 0.03 ? "USD" : "EUR") : "EUR";
    const deal: TruthDeal = {
      id: `${crm === "salesforce" ? "006" : ""}${1000 + i}`,
      owner: pick(owners),
      value: Math.round((500 + random() * 60_000) * 100) / 100,
      currency,
      status,
      createdOn: isoDay(dayOf(createdOffset)),
      closedOn,
    };
    // Every 40th title holds a line break, as titles pasted from e-mails do: the quoted field stays one row.
    const title = `${wordOf(random, 3)} ${i % 40 === 7 ? "renewal\nsecond line" : "licences"}`;
    const cells = dealCells(crm, deal, title, pick(stages));
    if (i % badEvery === badEvery - 1 && badDealRows.length < options.badRows) {
      dealLines.push(csvLine(spoilDeal(crm, cells, badDealRows.length), shape.separator));
      badDealRows.push(dealLines.length);
    } else {
      dealLines.push(csvLine(cells, shape.separator));
      deals.push(deal);
    }
  }

  const activityLines = [csvLine(ACTIVITY_HEADERS[crm], shape.separator)];
  const activities: TruthActivity[] = [];
  const badActivityRows: number[] = [];
  const kinds: TruthActivity["kind"][] = ["call", "call", "call", "email", "email", "meeting", "demo", "task"];
  const badActivityEvery =
    options.badRows > 0 ? Math.max(2, Math.floor(options.activities / options.badRows)) : Infinity;
  for (let i = 0; i < options.activities; i++) {
    const dueOffset = i === 0 ? 24 : Math.floor(random() * 360);
    const activity: TruthActivity = {
      id: `${crm === "salesforce" ? "00T" : ""}${50_000 + i}`,
      owner: pick(owners),
      kind: pick(kinds),
      dueOn: isoDay(dayOf(dueOffset)),
      done: random() < 0.7,
    };
    const cells = activityCells(crm, activity, `${wordOf(random, 2)} follow-up`);
    if (i % badActivityEvery === badActivityEvery - 1 && badActivityRows.length < options.badRows) {
      const ownerColumn = ACTIVITY_HEADERS[crm].findIndex((h) => /assigned/i.test(h));
      cells[ownerColumn] = "";
      activityLines.push(csvLine(cells, shape.separator));
      badActivityRows.push(activityLines.length);
    } else {
      activityLines.push(csvLine(cells, shape.separator));
      activities.push(activity);
    }
  }
  // Row numbers above count records; a record with a line break is still one row, so they stay right.
  return {
    dealsCsv: `${dealLines.join("\r\n")}\r\n`,
    activitiesCsv: `${activityLines.join("\r\n")}\r\n`,
    truth: { deals, activities },
    badDealRows,
    badActivityRows,
  };
}

function main(argv: readonly string[]): void {
  const folder = path.resolve(
    argv.find((arg, i) => !arg.startsWith("--") && !argv[i - 1]?.startsWith("--")) ??
      path.join("artifacts", "crm-fixtures"),
  );
  const option = (name: string, fallback: number): number => {
    const index = argv.indexOf(`--${name}`);
    const value = index === -1 ? fallback : Number(argv[index + 1]);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`--${name} takes a whole number (got "${argv[index + 1] ?? ""}")`);
    return value;
  };
  const deals = option("deals", 5_000);
  const activities = option("activities", 40_000);
  const seed = option("seed", 7);
  mkdirSync(folder, { recursive: true });
  for (const crm of FIXTURE_CRMS) {
    const fixture = generateCrmFixture({ crm, deals, activities, badRows: 5, seed });
    // The French file is written as Excel fr-FR writes "CSV UTF-8": with a byte-order mark.
    const bom = crm === "pipedrive-fr" ? "\uFEFF" : "";
    writeFileSync(path.join(folder, `${crm}-deals.csv`), bom + fixture.dealsCsv, "utf8");
    writeFileSync(path.join(folder, `${crm}-activities.csv`), bom + fixture.activitiesCsv, "utf8");
  }
  process.stdout.write(`Wrote ${FIXTURE_CRMS.length * 2} files to ${folder}\n`);
}

if (require.main === module) main(process.argv.slice(2));
