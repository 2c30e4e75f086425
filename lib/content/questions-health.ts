// Words for the "Your health" page: the history section of the contract.
import type { SectionCopy } from "./types";
import type { IntakeAnswers } from "@/lib/triage";

export const HISTORY_QUESTIONS: SectionCopy<IntakeAnswers["history"]> = {
  cancer: {
    kind: "yes_no",
    label: "Have you ever been told you have cancer?",
    hint: "You do not need to count the common skin cancers that are not melanoma.",
  },
  unexplainedWeightLoss: {
    kind: "yes_no",
    label: "Have you lost weight recently without trying?",
  },
  feverChillsOrSweats: {
    kind: "yes_no",
    label: "Have you recently had a high temperature, shivers or soaking sweats?",
  },
  feelsVeryUnwell: {
    kind: "yes_no",
    label: "Do you feel very unwell in yourself, not only because of the back pain?",
    hint: "For example, you are shivering, confused, or too unwell to get out of bed.",
  },
  immunosuppressed: {
    kind: "yes_no",
    label: "Is your immune system weakened by an illness or a treatment?",
    hint:
      "Your immune system is how your body fights infection. For example, it can be weakened by chemotherapy, " +
      "medicines after a transplant, strong medicines for arthritis or bowel disease, or HIV.",
  },
  ivDrugUse: {
    kind: "yes_no",
    label: "Do you inject drugs into a vein, other than medicines given by a nurse or doctor?",
    hint: "We ask because it raises the risk of infection near the spine. Only your care team will see your answer.",
  },
  diabetes: {
    kind: "yes_no",
    label: "Do you have diabetes?",
  },
  recentInfectionOrSpinalProcedure: {
    kind: "yes_no",
    label: "In the last 3 months, have you had a serious infection, or an operation or injection in your spine?",
    hint: "For example, a kidney or skin infection treated with antibiotics, a back operation, or a spinal injection.",
  },
  longTermOralSteroids: {
    kind: "yes_no",
    label: "Have you taken steroid tablets, such as prednisolone, for 3 months or more?",
    hint: "Do not count inhalers, creams or sprays.",
  },
  osteoporosisOrFragilityFracture: {
    kind: "yes_no",
    label: "Have you been told you have thin, weak bones, or have you broken a bone in a small fall?",
    hint: "Doctors call thin, weak bones osteoporosis. A small fall means from standing height or less.",
  },
};
