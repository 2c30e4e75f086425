// Words for the "Recent illness" and "Your health" pages: the history section of the contract.
import { YES_NO_UNSURE } from "./questions-cauda";
import type { HistoryCopy } from "./types";

export const HISTORY_QUESTIONS: HistoryCopy = {
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
    label: "Have you recently had a high temperature, shivers or shaking chills, or soaking sweats?",
  },
  feelsVeryUnwell: {
    kind: "yes_no",
    label: "Do you feel very unwell in yourself, not only because of the back pain?",
    hint: "For example, you are too unwell to get out of bed, or you feel as ill as you have ever been.",
  },
  newConfusion: {
    kind: "yes_no",
    label: "Have you, or someone with you, noticed new confusion or muddled thinking in the last few days?",
    hint: "For a child, this includes being unusually sleepy or hard to wake.",
  },
  immunosuppressed: {
    kind: "yes_no",
    label: "Is your immune system weakened by an illness or its treatment?",
    hint:
      "Your immune system is how your body fights infection. Do not count steroid tablets here: they have their own question. " +
      "Your immune system can be weakened by:",
    examples: [
      "cancer treatment in the last 6 months, such as chemotherapy, immunotherapy or targeted drugs",
      "medicines after a transplant",
      "biologic injections or drips, such as adalimumab, etanercept, infliximab or rituximab",
      "medicines such as methotrexate, azathioprine, mycophenolate, leflunomide or ciclosporin",
      "JAK inhibitor tablets: tofacitinib, baricitinib or upadacitinib",
      "HIV",
      "having had your spleen removed",
      "another condition that your doctor has said weakens your immunity",
    ],
  },
  ivDrugUse: {
    kind: "yes_no",
    label: "Do you inject drugs into a vein, or have you done so in the past?",
    hint: "Do not count medicines given by a nurse or doctor. Only your care team will see your answer.",
    why: "Injecting drugs raises the risk of an infection near the spine.",
  },
  diabetes: {
    kind: "yes_no",
    label: "Do you have diabetes?",
  },
  recentSpinalProcedure: {
    kind: "yes_no",
    label:
      "In the last 3 months, have you had an operation on your spine, an injection into or near your spine, " +
      "or an epidural or spinal anaesthetic?",
    hint: "For example, an epidural steroid injection, a nerve block, or an epidural or spinal anaesthetic for labour or a caesarean.",
  },
  recentInfection: {
    kind: "yes_no",
    label: "In the last 3 months, have you had an infection that needed antibiotics or hospital treatment?",
    hint:
      "For example, an infection of the urine, kidney, skin, chest, teeth, heart valve or blood. " +
      "Do not count a cold, flu or a sore throat that got better by itself.",
  },
  longTermOralSteroids: {
    kind: "yes_no",
    label:
      "Have you taken steroid tablets, such as prednisolone, every day for 3 months or more, now or in the last 12 months?",
    hint: "Do not count inhalers, creams or sprays.",
  },
  osteoporosisOrFragilityFracture: {
    kind: "yes_no",
    label: "Have you been told you have thin, weak bones, or have you broken a bone in a small fall?",
    hint: "Doctors call thin, weak bones osteoporosis. A small fall means from standing height or less.",
  },
  anticoagulant: {
    kind: "choice",
    label: "Do you take a blood thinner (anticoagulant)?",
    hint:
      "For example, warfarin, apixaban, rivaroxaban, edoxaban, dabigatran, or heparin injections such as enoxaparin. " +
      "Answer no if you only take aspirin or clopidogrel.",
    why: "Blood thinners can cause bleeding that presses on nerves.",
    options: YES_NO_UNSURE,
  },
  pregnancy: {
    kind: "choice",
    label: "Are you pregnant, or have you been pregnant in the last 6 weeks?",
    hint: "This includes a birth or a miscarriage in the last 6 weeks.",
    why: "Pregnancy changes which causes of back pain we need to check for, and which advice is safe.",
    options: {
      no: { label: "No" },
      pregnant: { label: "Yes, I am pregnant now" },
      recently_pregnant: { label: "Yes, in the last 6 weeks" },
      unsure: { label: "Not sure" },
    },
  },
  pregnancyWarningSigns: {
    kind: "choice",
    label: "Do you have any of these?",
    examples: [
      "bleeding from your vagina",
      "fluid leaking from your vagina",
      "tightenings, cramps or period-like pains",
      "backache that comes and goes, or that is not usual for you",
      "pain low in your tummy or pelvis, on one side",
      "your baby moving less than usual",
    ],
    options: YES_NO_UNSURE,
  },
};
