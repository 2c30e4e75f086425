// Condition cards for EMERGENCY results: which one to show is chosen from the rules that fired,
// so the patient reads why they must go, not only that they must.
import { DO_NOT_DRIVE, GO_NOW, TAKE_THIS_PAGE } from "./advice";

export type EmergencyReason = "aneurysm" | "trauma" | "cancer_nerve" | "infection" | "nerve_compression";

const REASON_BY_RULE: ReadonlyMap<string, EmergencyReason> = new Map([
  ["E1", "nerve_compression"],
  ["E2", "nerve_compression"],
  ["E3", "nerve_compression"],
  ["E4", "cancer_nerve"],
  ["E5", "infection"],
  ["E6", "aneurysm"],
  ["E7", "trauma"],
  ["E8", "nerve_compression"],
]);

/**
 * When several EMERGENCY rules fire, the most specific card wins:
 * - aneurysm first: a leaking blood vessel can kill within hours and may need an ambulance;
 * - trauma next: a broken spine may be unstable, so how the patient travels matters;
 * - cancer_nerve: nerve symptoms after cancer have their own hospital pathway (E4 always comes
 *   with nerve symptoms, so the nerve card would say less);
 * - infection: needs blood tests and antibiotics, not only a scan;
 * - nerve_compression last: the general card (E1, E2, E3, E8) that the others already cover.
 */
export const EMERGENCY_REASON_ORDER: readonly EmergencyReason[] = [
  "aneurysm", "trauma", "cancer_nerve", "infection", "nerve_compression",
];

/** The card to show for these fired rule ids, or null when no EMERGENCY rule fired. */
export function emergencyReason(firedRuleIds: readonly string[]): EmergencyReason | null {
  const reasons = new Set(firedRuleIds.map((id) => REASON_BY_RULE.get(id)));
  return EMERGENCY_REASON_ORDER.find((reason) => reasons.has(reason)) ?? null;
}

type CardWords = {
  readonly title: string;
  readonly why: string;
  /** Steps added after the standard ones; `call` is the number to call, or "the emergency number". */
  readonly extraSteps: (call: string) => readonly string[];
};

const CARDS: { readonly [R in EmergencyReason]: CardWords } = {
  nerve_compression: {
    title: "Possible pressure on the nerves at the bottom of your spine",
    why:
      "Your answers suggest the nerves that control your legs, bladder and bowels may be squeezed. " +
      "Doctors call this cauda equina syndrome. It is rare, but it needs a scan and treatment in hospital within hours. " +
      "Quick treatment helps prevent lasting damage.",
    extraSteps: () => ["Tell the staff you have warning signs of cauda equina syndrome."],
  },
  cancer_nerve: {
    title: "Possible pressure on your spinal cord or nerves",
    why:
      "You have had cancer, and you now have nerve symptoms, such as numbness, weakness or pain down a leg. " +
      "Sometimes cancer spreads to the spine and presses on the nerves. " +
      "This needs a scan in hospital today, so that treatment can start quickly.",
    extraSteps: () => [
      "Tell the staff you have had cancer.",
      "If your cancer team gave you a 24-hour helpline number, call it on the way too.",
    ],
  },
  infection: {
    title: "Possible infection in or near your spine",
    why:
      "Your answers suggest a possible infection near your spine. " +
      "The signs include a fever, a recent infection or operation, or feeling very unwell, together with your back pain. " +
      "This is rare but serious. It needs tests and treatment in hospital today.",
    extraSteps: () => ["Tell the staff about any fever, recent infection or recent treatment on your spine."],
  },
  aneurysm: {
    title: "Possible problem with the main blood vessel in your tummy",
    why:
      "Your answers could mean a problem with the aorta, the main blood vessel in your tummy. " +
      "If it is stretched, doctors call it an aneurysm. A leak from it is an emergency.",
    extraSteps: (call) => [
      "Do not wait to see if the pain settles.",
      `If the pain gets worse on the way, or you feel dizzy or sweaty, call ${call} for an ambulance.`,
    ],
  },
  trauma: {
    title: "Possible injury to the bones of your spine",
    why:
      "You hurt your back in a serious accident, and you have severe pain or nerve symptoms. " +
      "The bones of your spine need an X-ray or scan today.",
    extraSteps: (call) => [
      `If your legs are numb or weak, or you cannot move without severe pain, stay still and call ${call} for an ambulance.`,
    ],
  },
};

/** What to call the number: the clinic's emergency number, or a general phrase when none is set up. */
function callWord(emergencyNumber: string | null): string {
  const number = emergencyNumber?.trim();
  return number ? number : "the emergency number";
}

/** The standard line about collapsing or fainting, with the clinic's emergency number. */
export function emergencyCallText(emergencyNumber: string | null): string {
  return `If you collapse, faint or feel faint, you or someone with you should call ${callWord(emergencyNumber)} for an ambulance.`;
}

export const CLINIC_TOLD =
  "The clinic has been told and will call you to check you got help. Do not wait for this call before you go.";

export type EmergencyCard = {
  readonly reason: EmergencyReason;
  readonly title: string;
  readonly why: string;
  readonly whatToDo: readonly string[];
  readonly clinicTold: string;
};

/** The full card for a reason, with the clinic's emergency number filled in. */
export function emergencyCard(reason: EmergencyReason, emergencyNumber: string | null): EmergencyCard {
  const words = CARDS[reason];
  return {
    reason,
    title: words.title,
    why: words.why,
    whatToDo: [
      GO_NOW,
      DO_NOT_DRIVE,
      emergencyCallText(emergencyNumber),
      ...words.extraSteps(callWord(emergencyNumber)),
      TAKE_THIS_PAGE,
    ],
    clinicTold: CLINIC_TOLD,
  };
}
