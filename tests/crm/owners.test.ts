import { distinctOwners, unmappedOwners } from "../../src/crm";

describe("distinctOwners", () => {
  it("lists each owner once with its record count, most records first", () => {
    const records = [{ owner: "Rana" }, { owner: "Milo" }, { owner: "Rana" }, { owner: "Ada" }];
    expect(distinctOwners(records)).toEqual([
      { owner: "Rana", records: 2 },
      { owner: "Ada", records: 1 },
      { owner: "Milo", records: 1 },
    ]);
  });
});

describe("unmappedOwners", () => {
  it("returns owners without a role, or mapped to a role the plan no longer has", () => {
    const mapping = { Rana: "ae", Milo: "bizdev-old" };
    expect(unmappedOwners(["Rana", "Milo", "Ada"], mapping, ["ae", "bizdev"])).toEqual(["Milo", "Ada"]);
  });

  it("does not take inherited object keys for mapped owners", () => {
    expect(unmappedOwners(["constructor", "toString"], {}, ["ae"])).toEqual(["constructor", "toString"]);
  });
});
