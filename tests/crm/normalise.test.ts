import {
  detectPreset,
  formatCrmIssue,
  normaliseActivities,
  normaliseDeals,
  parseCsv,
  type ColumnMapping,
} from "../../src/crm";

function dealsOf(csv: string, options: Parameters<typeof normaliseDeals>[2] = { planCurrency: "EUR" }) {
  const table = parseCsv(csv);
  const match = detectPreset(table.headers, "deals");
  if (!match) throw new Error("no preset");
  return normaliseDeals(table, match.mapping, options);
}

const PIPEDRIVE_HEADER =
  "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Status,Deal - Deal created,Deal - Won time,Deal - Lost time,Deal - Stage";

describe("normaliseDeals", () => {
  it("turns a Pipedrive export into deal records, the close date taken from the won or lost time", () => {
    const result = dealsOf(
      [
        PIPEDRIVE_HEADER,
        '101,Alpha,Rana Tovi,"1,200.50",EUR,won,2027-01-04 09:00:00,2027-02-10 16:20:00,,Closed',
        "102,Beta,Rana Tovi,800,EUR,lost,2027-01-05,,2027-02-01,Proposal",
        "103,Gamma,Milo Desa,300,EUR,open,2027-01-06,,,Qualified",
      ].join("\n"),
    );
    expect(result.bad).toEqual([]);
    expect(result.good.map((row) => row.record)).toEqual([
      {
        crmId: "101",
        title: "Alpha",
        owner: "Rana Tovi",
        value: 1200.5,
        currency: "EUR",
        status: "won",
        createdOn: "2027-01-04T09:00:00Z",
        closedOn: "2027-02-10T16:20:00Z",
        stage: "Closed",
        pipeline: null,
        source: null,
      },
      expect.objectContaining({ crmId: "102", status: "lost", closedOn: "2027-02-01" }),
      expect.objectContaining({ crmId: "103", status: "open", closedOn: null, value: 300 }),
    ]);
  });

  it("reads French status words and decimal commas of a French Pipedrive export", () => {
    const result = dealsOf(
      [
        "Affaire - ID;Affaire - Titre;Affaire - Propriétaire;Affaire - Valeur;Affaire - Statut;Affaire - Date de gain",
        "1;Lot A;Nora Vel;1 234,56;Gagné;15/03/2027",
        "2;Lot B;Nora Vel;99,9;Perdu;",
        "3;Lot C;Nora Vel;10;Ouvert;",
      ].join("\n"),
    );
    expect(result.good.map((row) => [row.record.status, row.record.value, row.record.closedOn])).toEqual([
      ["won", 1234.56, "2027-03-15"],
      ["lost", 99.9, null],
      ["open", 10, null],
    ]);
  });

  it("derives HubSpot statuses from the dealstage ids and labels", () => {
    const result = dealsOf(
      [
        "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount",
        "1,A,closedwon,2027-02-01,Ivo Pera,100",
        "2,B,Closed lost,2027-02-02,Ivo Pera,200",
        "3,C,appointmentscheduled,2027-05-01,Ivo Pera,300",
      ].join("\n"),
    );
    expect(result.good.map((row) => row.record.status)).toEqual(["won", "lost", "open"]);
  });

  it("derives Salesforce statuses from Won and Closed, or from the stage", () => {
    const result = dealsOf(
      [
        "Opportunity ID,Opportunity Name,Opportunity Owner,Amount,Stage,Close Date,Won,Closed",
        "006A,A,Ana Lo,100,Negotiation/Review,2027-02-01,1,1",
        "006B,B,Ana Lo,100,Closed Lost,2027-02-01,0,1",
        "006C,C,Ana Lo,100,Prospecting,2027-06-01,0,0",
        "006D,D,Ana Lo,100,Closed Won,2027-02-03,,",
      ].join("\n"),
    );
    expect(result.good.map((row) => row.record.status)).toEqual(["won", "lost", "open", "won"]);
  });

  it("lists bad rows with the file's row number, the column and the reason, in English and French", () => {
    const result = dealsOf(
      [
        PIPEDRIVE_HEADER,
        "1,A,Rana Tovi,100,EUR,won,2027-01-04,2027-02-10,,",
        '2,"Multi\nline",,100,EUR,won,2027-01-04,2027-02-10,,',
        "3,C,Rana Tovi,12x,EUR,won,2027-01-04,2027-02-10,,",
        "4,D,Rana Tovi,100,EUR,pending,2027-01-04,,,",
        "5,E,Rana Tovi,100,EUR,won,2027-01-04,,,",
        "6,F,Rana Tovi,100,EUR,open,2027-13-45,,,",
      ].join("\n"),
    );
    expect(result.good.map((row) => row.rowNumber)).toEqual([2]);
    const messages = result.bad.map((row) => row.issues.map((issue) => formatCrmIssue(issue, "en-US")));
    expect(messages).toEqual([
      ['Row 3, column "Deal - Owner": is empty; owner is required'],
      [
        'Row 4, column "Deal - Value": "12x" is not an amount; write digits with one decimal separator, such as 1234.56, 1,234.56 or 1 234,56',
      ],
      [
        'Row 5, column "Deal - Status": "pending" is not a deal status; accepted: Won, Lost, Open, Gagné, Perdu, Ouvert, Closed Won, Closed Lost, closedwon, closedlost',
      ],
      ['Row 6, column "Deal - Won time": the deal is won but has no close date'],
      ['Row 7, column "Deal - Deal created": "2027-13-45" is not a real calendar date'],
    ]);
    expect(formatCrmIssue(result.bad[0]!.issues[0]!, "fr-FR")).toBe(
      "Ligne 3, colonne « Deal - Owner »: est vide ; owner est obligatoire",
    );
  });

  it("flags deals in another currency than the plan's instead of summing them silently", () => {
    const result = dealsOf(
      [PIPEDRIVE_HEADER, "1,A,Rana Tovi,100,EUR,won,,2027-02-10,,", "2,B,Rana Tovi,250,usd,won,,2027-02-11,,"].join(
        "\n",
      ),
    );
    expect(result.good).toHaveLength(2);
    expect(result.foreignCurrency).toEqual([{ rowNumber: 3, crmId: "2", currency: "USD", value: 250 }]);
  });

  it("flags a currency written inside the amount when the export has no currency column", () => {
    const result = dealsOf(
      [
        "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount",
        "1,A,closedwon,2027-02-01,Ivo Pera,€100.00",
        "2,B,closedwon,2027-02-01,Ivo Pera,$250.00",
        "3,C,closedwon,2027-02-01,Ivo Pera,300.00 GBP",
        "4,D,closedwon,2027-02-01,Ivo Pera,400.00",
      ].join("\n"),
    );
    // "$" alone does not say which dollar: kept as written, and flagged since the plan is in euros.
    expect(result.good.map((row) => row.record.currency)).toEqual(["EUR", "$", "GBP", null]);
    expect(result.foreignCurrency.map((row) => [row.rowNumber, row.currency])).toEqual([
      [3, "$"],
      [4, "GBP"],
    ]);
    const dollarPlan = dealsOf("Record ID,Deal Name,Deal Stage,Deal owner,Amount\n1,A,open,Ivo Pera,$250.00", {
      planCurrency: "USD",
    });
    expect(dollarPlan.good[0]!.record.currency).toBe("USD");
    expect(dollarPlan.foreignCurrency).toEqual([]);
  });

  it("asks for the date order when every date of a column is ambiguous, and reads it once chosen", () => {
    const csv = [
      PIPEDRIVE_HEADER,
      "1,A,Rana Tovi,100,EUR,won,,05/03/2027,,",
      "2,B,Rana Tovi,100,EUR,won,,01/02/2027,,",
    ].join("\n");
    const asked = dealsOf(csv);
    expect(asked.questions).toEqual([
      { column: "Deal - Won time", question: { kind: "dateOrder", examples: ["05/03/2027", "01/02/2027"] } },
    ]);
    expect(asked.good).toEqual([]);
    const answered = dealsOf(csv, { planCurrency: "EUR", dateOrder: "mdy" });
    expect(answered.questions).toEqual([]);
    expect(answered.good.map((row) => row.record.closedOn)).toEqual(["2027-05-03", "2027-01-02"]);
  });

  it("refuses a CRM id repeated in the same file, naming the first row", () => {
    const result = dealsOf(
      [PIPEDRIVE_HEADER, "7,A,Rana Tovi,100,EUR,open,,,,", "7,B,Rana Tovi,100,EUR,open,,,,"].join("\n"),
    );
    expect(result.good.map((row) => row.rowNumber)).toEqual([2]);
    expect(formatCrmIssue(result.bad[0]!.issues[0]!, "en-US")).toBe(
      'Row 3, column "Deal - ID": repeats the CRM id "7" of row 2',
    );
  });

  it("refuses a hand-made mapping that misses a required field or names an absent header, reading no row", () => {
    const table = parseCsv("Vendeur;Montant\nAli;10");
    const mapping: ColumnMapping<"deals"> = { kind: "deals", columns: { owner: "Vendeur", value: "Prix" } };
    const result = normaliseDeals(table, mapping, { planCurrency: "EUR" });
    expect(result.good).toEqual([]);
    expect(result.mappingIssues.map((issue) => formatCrmIssue(issue, "en-US"))).toEqual([
      'no column is mapped to "status / isWon / stage"; map one of the headers to it',
      'the mapping names the header "Prix", which the file does not have',
    ]);
  });
});

describe("normaliseActivities", () => {
  it("normalises types and done flags of a Pipedrive export, keeping the raw type", () => {
    const table = parseCsv(
      [
        "Activity - ID,Activity - Type,Activity - Assigned to user,Activity - Due date,Activity - Done,Activity - Marked as done time",
        "1,Call,Rana Tovi,2027-01-04,Done,2027-01-04 10:12:00",
        "2,Meeting,Rana Tovi,2027-01-05,Undone,",
        "3,Demo call,Milo Desa,2027-01-06,Done,2027-01-06 15:00:00",
        "4,Email,Milo Desa,2027-01-06,Done,",
        "5,Lunch,Milo Desa,2027-01-07,Undone,",
        "6,Deadline,Milo Desa,2027-01-08,Undone,",
        "7,Call,,2027-01-08,Undone,",
        "8,Call,Milo Desa,,Undone,",
      ].join("\n"),
    );
    const match = detectPreset(table.headers, "activities")!;
    const result = normaliseActivities(table, match.mapping, {});
    expect(result.good.map((row) => [row.record.type, row.record.rawType, row.record.done, row.record.doneAt])).toEqual(
      [
        ["call", "Call", true, "2027-01-04T10:12:00Z"],
        ["meeting", "Meeting", false, null],
        ["demo", "Demo call", true, "2027-01-06T15:00:00Z"],
        ["email", "Email", true, null],
        ["other", "Lunch", false, null],
        ["task", "Deadline", false, null],
      ],
    );
    expect(result.bad.map((row) => [row.rowNumber, row.issues[0]!.key])).toEqual([
      [8, "required"],
      [9, "activityWithoutDate"],
    ]);
  });

  it("reads HubSpot task statuses and French activity words", () => {
    const table = parseCsv(
      [
        "Record ID;Activity Type;Activity assigned to;Activity date;Task Status",
        "1;Appel;Ivo;2027-01-04;COMPLETED",
        "2;Réunion;Ivo;2027-01-04;NOT_STARTED",
        "3;Démo;Ivo;2027-01-04;",
        "4;TASK;Ivo;2027-01-04;maybe",
      ].join("\n"),
    );
    const result = normaliseActivities(table, detectPreset(table.headers, "activities")!.mapping, {});
    expect(result.good.map((row) => [row.record.type, row.record.done])).toEqual([
      ["call", true],
      ["meeting", false],
      ["demo", false],
    ]);
    expect(result.bad[0]!.issues[0]!.key).toBe("boolean");
  });
});
