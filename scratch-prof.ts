import { layoutWorkbook } from "./src/workbook/layout";
import { generatePlan } from "./tests/helpers/plan-generator";
const plan = generatePlan(5000);
for (let i = 0; i < 4; i++) layoutWorkbook(plan, { generatedOn: "2027-01-15" });
const t = performance.now();
for (let i = 0; i < 10; i++) layoutWorkbook(plan, { generatedOn: "2027-01-15" });
console.log("ms/layout", (performance.now() - t) / 10);
