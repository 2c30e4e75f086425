// The FHIR R4 shapes this app writes: only the elements it fills in, typed after the R4 resource
// definitions (hl7.org/fhir/R4). Not a general FHIR model; tests validate what is built against the
// published StructureDefinitions.

export type Meta = { lastUpdated: string };
export type Coding = { system?: string; code: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
export type Reference = { reference: string; display?: string };
/** A reference by identifier only, to a resource that is not in the bundle nor served on its own. */
export type IdentifierReference = { identifier: Identifier; display?: string };
export type Identifier = { system: string; value: string };
export type Period = { start?: string; end?: string };
export type Annotation = { text: string; time?: string };
export type Quantity = { value: number; unit?: string; system?: string; code?: string };

type Base<T extends string> = { resourceType: T; id: string; meta: Meta };

export type Patient = Base<"Patient"> & {
  identifier: Identifier[];
  active: boolean;
  name: { use?: "official"; family?: string; given?: string[]; text?: string }[];
  telecom?: { system: "phone" | "email"; value: string; use?: "home" | "mobile" }[];
  gender?: "male" | "female" | "other" | "unknown";
  birthDate?: string;
  link?: { other: IdentifierReference; type: "replaced-by" | "replaces" | "refer" | "seealso" }[];
};

export type Practitioner = Base<"Practitioner"> & {
  active: boolean;
  name: { text: string }[];
  qualification?: { code: CodeableConcept }[];
};

export type QuestionnaireItemType =
  "group" | "boolean" | "decimal" | "integer" | "date" | "string" | "text" | "choice" | "display";

export type QuestionnaireItem = {
  linkId: string;
  text?: string;
  type: QuestionnaireItemType;
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  answerOption?: { valueCoding: Coding }[];
  item?: QuestionnaireItem[];
};

/** Questionnaire is a canonical resource: served on its own, not part of a patient's bundle (no meta). */
export type Questionnaire = {
  resourceType: "Questionnaire";
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: "draft" | "active" | "retired";
  subjectType: ["Patient"];
  description?: string;
  item: QuestionnaireItem[];
};

export type QuestionnaireAnswer =
  | { valueBoolean: boolean }
  | { valueInteger: number }
  | { valueDecimal: number }
  | { valueString: string }
  | { valueDate: string }
  | { valueCoding: Coding };

export type QuestionnaireResponseItem = {
  linkId: string;
  answer?: QuestionnaireAnswer[];
  item?: QuestionnaireResponseItem[];
};

export type QuestionnaireResponse = Base<"QuestionnaireResponse"> & {
  identifier: Identifier;
  questionnaire: string;
  status: "completed" | "stopped" | "in-progress" | "amended" | "entered-in-error";
  subject: Reference;
  authored: string;
  source: Reference;
  item: QuestionnaireResponseItem[];
};

export type RiskAssessment = Base<"RiskAssessment"> & {
  status: "final";
  method: CodeableConcept;
  subject: Reference;
  occurrenceDateTime: string;
  basis: Reference[];
  prediction: { outcome: CodeableConcept; rationale?: string }[];
  note?: Annotation[];
};

export type Flag = Base<"Flag"> & {
  status: "active" | "inactive";
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  period: Period;
};

export type Observation = Base<"Observation"> & {
  status: "final";
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime: string;
  derivedFrom?: Reference[];
  note?: Annotation[];
  valueInteger?: number;
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  component?: {
    code: CodeableConcept;
    valueInteger?: number;
    valueCodeableConcept?: CodeableConcept;
  }[];
};

export type Appointment = Base<"Appointment"> & {
  identifier: Identifier[];
  status: "booked" | "arrived" | "fulfilled" | "cancelled" | "noshow";
  cancelationReason?: CodeableConcept;
  serviceType: CodeableConcept[];
  start: string;
  end: string;
  created: string;
  supportingInformation?: Reference[];
  participant: { actor: Reference; status: "accepted" }[];
};

export type OperationOutcome = {
  resourceType: "OperationOutcome";
  issue: {
    severity: "error" | "warning" | "information";
    code: string;
    details?: { text: string };
    diagnostics: string;
  }[];
};

export type Resource =
  Patient | Practitioner | QuestionnaireResponse | RiskAssessment | Flag | Observation | Appointment;

export type Bundle = {
  resourceType: "Bundle";
  id: string;
  meta: Meta;
  type: "collection";
  timestamp: string;
  entry: { fullUrl: string; resource: Resource }[];
};
