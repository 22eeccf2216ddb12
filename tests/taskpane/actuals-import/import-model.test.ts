import {
  headerKey,
  MAX_REMEMBERED_MAPPINGS,
  mappingFor,
  rememberedMapping,
  withOwnerRole,
  withRememberedMapping,
} from "../../../src/taskpane/actuals-import/import-model";
import type { PlanDraft } from "../../../src/taskpane/draft/path";
import { examplePlan } from "../../../src/plan/examples";
import { validatePlan } from "../../../src/plan/validate";

const HEADERS = ["Ref", "Rep", "Montant € ", "Résultat"];
const MAPPING = { kind: "deals", columns: { owner: "Rep", value: "Montant € ", status: "Résultat" } } as const;

describe("the mappings the plan remembers", () => {
  it("keys a mapping by the file's headers without case, accents, spacing or order", () => {
    expect(headerKey(HEADERS)).toEqual(["montant €", "ref", "rep", "resultat"]);
    expect(headerKey(["RESULTAT", "rep", " Ref", "Montant  €"])).toEqual(headerKey(HEADERS));
  });

  it("finds a remembered mapping for the same columns, pointed at the new file's spelling of them", () => {
    const draft = withRememberedMapping(examplePlan("fr-reference"), MAPPING, HEADERS);
    const again = ["RÉSULTAT", "rep", "ref", "Montant €"];
    expect(rememberedMapping(draft, "deals", again)).toEqual({
      kind: "deals",
      columns: { owner: "rep", value: "Montant €", status: "RÉSULTAT" },
    });
    expect(mappingFor(draft, "deals", again)?.source).toEqual({ kind: "remembered" });
    // Another kind, or another set of columns, is not the same file.
    expect(rememberedMapping(draft, "activities", again)).toBeUndefined();
    expect(rememberedMapping(draft, "deals", [...again, "Pipeline"])).toBeUndefined();
  });

  it("replaces the mapping of the same columns, and keeps at most the plan's limit, dropping the oldest", () => {
    let draft: PlanDraft = examplePlan("fr-reference");
    for (let index = 0; index < MAX_REMEMBERED_MAPPINGS + 3; index++) {
      draft = withRememberedMapping(draft, MAPPING, [...HEADERS, `Extra ${index}`]);
    }
    draft = withRememberedMapping(draft, { kind: "deals", columns: { owner: "Ref" } }, [...HEADERS, "Extra 10"]);
    const mappings = draft.measurement?.tracking?.mappings ?? [];
    expect(mappings).toHaveLength(MAX_REMEMBERED_MAPPINGS);
    expect(mappings.at(-1)).toEqual({
      kind: "deals",
      headers: headerKey([...HEADERS, "Extra 10"]),
      columns: { owner: "Ref" },
    });
    expect(mappings[0]?.headers).toEqual(headerKey([...HEADERS, "Extra 3"]));
    expect(validatePlan(draft).ok).toBe(true);
  });
});

describe("owners' roles in the plan", () => {
  it("sets, changes and removes an owner's role, each owner once", () => {
    let draft: PlanDraft = examplePlan("fr-reference");
    draft = withOwnerRole(draft, "Ada Kilo", "bizdev");
    draft = withOwnerRole(draft, "Bo Rin", "account-executive");
    draft = withOwnerRole(draft, "Ada Kilo", "account-executive");
    expect(draft.measurement?.tracking?.owners).toEqual([
      { owner: "Ada Kilo", roleId: "account-executive" },
      { owner: "Bo Rin", roleId: "account-executive" },
    ]);
    expect(validatePlan(draft).ok).toBe(true);
    draft = withOwnerRole(draft, "Ada Kilo", undefined);
    expect(draft.measurement?.tracking?.owners).toEqual([{ owner: "Bo Rin", roleId: "account-executive" }]);
  });
});
