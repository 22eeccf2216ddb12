import { workbookSpecSchema, type WorkbookSpec } from "../../src/workbook/spec";

/**
 * A small but complete WorkbookSpec written by hand: two sheets, inputs and formulas with predicted results, a
 * table, names, a validation, a conditional format, a link, hostile user text. Used by writer tests that must not
 * depend on the real layout.
 */
export function smallSpec(): WorkbookSpec {
  return workbookSpecSchema.parse({
    specVersion: 1,
    locale: "en-US",
    schemaVersion: 1,
    generatedOn: "2027-01-15",
    currency: "EUR",
    styles: {
      title: { bold: true, fontSize: 16 },
      subtitle: { italic: true },
      sectionHeading: { bold: true, fontSize: 13 },
      label: {},
      text: {},
      inputText: { fill: "#FFF2CC" },
      keyFigure: { bold: true, fontSize: 14 },
      note: { italic: true, fontColor: "#616161" },
      input: { fill: "#FFF2CC", border: "#BFBFBF" },
      formula: { fill: "#F2F2F2" },
      tableHeader: { bold: true },
      link: { fontColor: "#0563C1", underline: true },
      longText: { wrapText: true, verticalAlignment: "top" },
    },
    sheets: [
      {
        key: "plan",
        name: "Plan",
        tabColor: "#2E86C1",
        columnWidths: [
          { column: 0, width: 28 },
          { column: 1, width: 16 },
        ],
        blocks: [
          {
            id: "cover",
            anchor: "A1",
            rows: [
              [{ value: "Demo plan", style: "title", mergeAcross: 2 }],
              [{ value: "Go to objectives", style: "link", link: { sheet: "2 Objectives", cell: "A1" } }],
              [{ value: "Revenue target" }, { formula: "=RevenueTarget", result: 1_200_000, format: "#,##0 €" }],
              [{ value: "Deals needed" }, { formula: "=DealsNeeded", result: 100, format: "0" }],
            ],
          },
        ],
        print: { area: "A1:C4", orientation: "portrait", fitToWidth: true },
      },
      {
        key: "objectives",
        name: "2 Objectives",
        columnWidths: [{ column: 0, width: 30 }],
        freeze: { rows: 1, columns: 0 },
        blocks: [
          {
            id: "inputs",
            anchor: "A1",
            rows: [
              [
                { value: "Revenue target" },
                {
                  value: 1_200_000,
                  style: "input",
                  format: "#,##0 €",
                  bind: { path: "objectives.annualRevenueTarget", type: "number" },
                },
              ],
              [
                { value: "Average deal value" },
                {
                  value: 12_000,
                  style: "input",
                  format: "#,##0 €",
                  bind: { path: "objectives.averageDealValue", type: "number" },
                },
              ],
              [{ value: "Deals" }, { formula: "=ROUNDUP(B1/B2,0)", result: 100, style: "formula" }],
            ],
          },
          {
            id: "stages",
            anchor: "A5",
            rows: [
              [
                { value: "Stage", style: "tableHeader" },
                { value: "Rate", style: "tableHeader" },
                { value: "Volume", style: "tableHeader" },
              ],
              [
                { value: '=HYPERLINK("http://x","y")', style: "inputText" },
                { value: 0.5, format: "0%" },
                { formula: "=ROUNDUP(C7/B6,0)", result: 400 },
              ],
              [
                { value: "+33 6 12 34 56 78" },
                { value: 0.5, format: "0%" },
                { formula: "=ROUNDUP(B3/B7,0)", result: 200 },
              ],
            ],
          },
          {
            id: "dates",
            anchor: "E1",
            rows: [
              [{ value: 46388, format: "yyyy-mm-dd" }],
              [{ value: "@mention", style: "longText" }],
              [{ value: "-minus" }],
            ],
          },
        ],
        tables: [{ name: "Stages", range: "A5:C7" }],
        validations: [
          {
            range: "B6:B7",
            rule: { kind: "decimal", min: 0, max: 1 },
            errorMessage: "The rate must be from 0 % to 100 %.",
          },
          { range: "A6:A7", rule: { kind: "list", values: ["Leads", "Won deals"] }, errorMessage: "Pick a stage." },
        ],
        conditionalFormats: [
          { range: "C6:C7", formula: "=C6>150", style: { fill: "#FDE9E7", fontColor: "#A4262C", bold: true } },
        ],
        print: { area: "A1:E7", orientation: "landscape", fitToWidth: true, repeatRows: "1:1" },
        charts: [
          {
            id: "stages-funnel",
            kind: "funnel",
            title: "Stage volumes",
            anchor: { from: "G2", to: "N18" },
            categories: { range: "A6:A7", labels: ['=HYPERLINK("http://x","y")', "+33 6 12 34 56 78"] },
            series: [{ name: "Volume", range: "C6:C7", values: [400, 200] }],
            requires: "ExcelApi 1.9",
            fallbackKind: "bar",
            legend: "none",
            categoryAxis: { reversed: true },
            valueAxis: {},
          },
          {
            id: "inputs-columns",
            kind: "columnLine",
            title: "Inputs",
            anchor: { from: "G20", to: "N36" },
            categories: { range: "A1:A2", labels: ["Revenue target", "Average deal value"] },
            series: [
              { name: "Value", range: "B1:B2", values: [1200000, 12000], drawAs: "column" },
              { name: "Line", range: "B1:B2", values: [1200000, 12000], drawAs: "line" },
            ],
            requires: "ExcelApi 1.1",
            legend: "bottom",
            categoryAxis: {},
            valueAxis: { numberFormat: "#,##0" },
          },
        ],
      },
    ],
    names: [
      { name: "RevenueTarget", refersTo: "='2 Objectives'!$B$1", result: 1_200_000 },
      { name: "DealsNeeded", refersTo: "='2 Objectives'!$B$3", result: 100 },
    ],
    planJson: JSON.stringify({ schemaVersion: 1, meta: { planName: "Demo <plan> & ]]>" } }),
  });
}
