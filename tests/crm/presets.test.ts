import { columnMappingSchema, detectPreset, headerSignature, normaliseHeader } from "../../src/crm";

describe("detectPreset", () => {
  it("recognises a Pipedrive deals export in English and maps every known column", () => {
    const headers = [
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
      "Deal - Label",
    ];
    const match = detectPreset(headers, "deals");
    expect(match?.preset.id).toBe("pipedrive-deals-en");
    expect(match?.mapping.columns).toEqual({
      crmId: "Deal - ID",
      title: "Deal - Title",
      owner: "Deal - Owner",
      value: "Deal - Value",
      currency: "Deal - Currency",
      status: "Deal - Status",
      createdOn: "Deal - Deal created",
      wonOn: "Deal - Won time",
      lostOn: "Deal - Lost time",
      stage: "Deal - Stage",
      pipeline: "Deal - Pipeline",
    });
  });

  it("recognises Pipedrive's French headers whatever their case, accents and spacing", () => {
    const headers = [
      "affaire - titre",
      "AFFAIRE - PROPRIETAIRE",
      "Affaire  -  Valeur",
      "Affaire – Statut",
      "Affaire - Étape",
    ];
    const match = detectPreset(headers, "deals");
    expect(match?.preset.id).toBe("pipedrive-deals-fr");
    expect(match?.mapping.columns.status).toBe("Affaire – Statut");
    expect(match?.mapping.columns.owner).toBe("AFFAIRE - PROPRIETAIRE");
  });

  it("recognises HubSpot and Salesforce deal exports, which share the Amount header", () => {
    const hubspot = [
      "Record ID",
      "Deal Name",
      "Deal Stage",
      "Close Date",
      "Deal owner",
      "Amount",
      "Pipeline",
      "Create Date",
    ];
    const salesforce = [
      "Opportunity ID",
      "Opportunity Name",
      "Account Name",
      "Stage",
      "Amount",
      "Close Date",
      "Opportunity Owner",
      "Created Date",
      "Won",
      "Closed",
      "Lead Source",
    ];
    expect(detectPreset(hubspot, "deals")?.preset.id).toBe("hubspot-deals-en");
    expect(detectPreset(salesforce, "deals")?.preset.id).toBe("salesforce-deals-en");
  });

  it("recognises each CRM's activities export", () => {
    expect(
      detectPreset(
        [
          "Activity - ID",
          "Activity - Type",
          "Activity - Assigned to user",
          "Activity - Due date",
          "Activity - Done",
          "Activity - Marked as done time",
        ],
        "activities",
      )?.preset.id,
    ).toBe("pipedrive-activities-en");
    expect(
      detectPreset(["Record ID", "Activity Type", "Activity date", "Activity assigned to"], "activities")?.preset.id,
    ).toBe("hubspot-activities-en");
    expect(
      detectPreset(
        ["Activity ID", "Subject", "Type", "Assigned To", "Date", "Closed", "Completed Date/Time"],
        "activities",
      )?.preset.id,
    ).toBe("salesforce-activities-en");
  });

  it("returns null when a required header is missing, so the user maps the columns by hand", () => {
    expect(detectPreset(["Deal - Title", "Deal - Value", "Deal - Status"], "deals")).toBeNull();
    expect(detectPreset(["Name", "Owner", "Value"], "deals")).toBeNull();
    expect(detectPreset(["Deal - Title", "Deal - Owner", "Deal - Value", "Deal - Status"], "activities")).toBeNull();
  });
});

describe("headerSignature", () => {
  it("is the same for the same headers in another order, case or spacing", () => {
    expect(headerSignature(["Nom", "Montant", "Étape"])).toBe(headerSignature(["etape ", "MONTANT", "nom"]));
  });

  it("differs when a column is added or renamed", () => {
    const base = headerSignature(["Nom", "Montant"]);
    expect(headerSignature(["Nom", "Montant", "Owner"])).not.toBe(base);
    expect(headerSignature(["Nom", "Valeur"])).not.toBe(base);
    expect(base).toMatch(/^crm-headers-2-[0-9a-f]{8}$/);
  });

  it("normalises accents, apostrophes and dashes", () => {
    expect(normaliseHeader("  Activité - Attribué à l’utilisateur ")).toBe("activite - attribue a l'utilisateur");
  });
});

describe("columnMappingSchema", () => {
  it("accepts a hand-made mapping and refuses an unknown field", () => {
    expect(
      columnMappingSchema.safeParse({ kind: "deals", columns: { owner: "Vendeur", value: "Montant" } }).success,
    ).toBe(true);
    expect(columnMappingSchema.safeParse({ kind: "deals", columns: { dueOn: "Date" } }).success).toBe(false);
  });
});
