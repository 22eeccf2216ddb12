import { INSIGHT_SOURCES } from "../../plan/schema";
import { FormSection } from "../fields/FormSection";
import { LinesField } from "../fields/LinesField";
import { enumOptions } from "../fields/options";
import { SelectField } from "../fields/SelectField";
import { TextAreaField } from "../fields/TextAreaField";
import { useI18n } from "../i18n/I18nContext";
import { RowList } from "../lists/RowList";

/** Step 1: the mission, the positioning, the value proposition and what the market taught. */
export function MissionStep() {
  const { t } = useI18n();
  return (
    <>
      <FormSection title={t.sections.statements}>
        <TextAreaField path={["mission", "missionStatement"]} />
        <TextAreaField path={["mission", "positioningStatement"]} rows={4} />
        <TextAreaField path={["mission", "valueProposition"]} />
        <LinesField path={["mission", "differentiators"]} />
      </FormSection>
      <RowList
        path={["mission", "insights"]}
        listKey="mission.insights"
        nameField="text"
        newRow={() => ({ source: "marketing", text: "" })}
      >
        {(_, path) => (
          <>
            <SelectField path={[...path, "source"]} options={enumOptions(INSIGHT_SOURCES, t.enums.insightSource)} />
            <TextAreaField path={[...path, "text"]} rows={2} />
          </>
        )}
      </RowList>
      <RowList
        path={["mission", "positioningQuestions"]}
        listKey="mission.positioningQuestions"
        nameField="question"
        foldable
        newRow={() => ({ question: "", answer: "" })}
      >
        {(_, path) => (
          <>
            <TextAreaField path={[...path, "question"]} rows={2} />
            <TextAreaField path={[...path, "answer"]} />
          </>
        )}
      </RowList>
    </>
  );
}
