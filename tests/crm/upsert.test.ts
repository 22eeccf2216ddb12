import { upsertByCrmId } from "../../src/crm";

interface Row {
  crmId: string | null;
  value: number;
}

describe("upsertByCrmId", () => {
  it("updates rows with the same CRM id in place, adds new ones and keeps hand-typed rows", () => {
    const existing: Row[] = [
      { crmId: "1", value: 10 },
      { crmId: null, value: 99 },
      { crmId: "2", value: 20 },
      { crmId: "3", value: 30 },
    ];
    const incoming: Row[] = [
      { crmId: "2", value: 25 },
      { crmId: "4", value: 40 },
      { crmId: "1", value: 15 },
    ];
    const result = upsertByCrmId(existing, incoming);
    expect(result.records).toEqual([
      { crmId: "1", value: 15 },
      { crmId: null, value: 99 },
      { crmId: "2", value: 25 },
      { crmId: "3", value: 30 },
      { crmId: "4", value: 40 },
    ]);
    expect(result.counts).toEqual({ added: 1, updated: 2, kept: 2 });
  });

  it("adds imported rows without an id, since they cannot be matched", () => {
    const result = upsertByCrmId<Row>([{ crmId: null, value: 1 }], [{ crmId: null, value: 2 }]);
    expect(result.records).toHaveLength(2);
    expect(result.counts).toEqual({ added: 1, updated: 0, kept: 1 });
  });

  it("loses no row when re-importing the same export twice", () => {
    const incoming: Row[] = [
      { crmId: "a", value: 1 },
      { crmId: "b", value: 2 },
    ];
    const first = upsertByCrmId<Row>([{ crmId: null, value: 7 }], incoming);
    const second = upsertByCrmId(first.records, incoming);
    expect(second.records).toEqual(first.records);
    expect(second.counts).toEqual({ added: 0, updated: 2, kept: 1 });
  });
});
