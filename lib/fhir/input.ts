// What the FHIR builders take: plain data, read and explained by lib/fhir/everything.ts (or made
// up by a test). No database types, so the builders stay pure.
import type { Level } from "@/common/vocabulary";

export type PatientInput = {
  id: string;
  updatedAt: Date;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: string;
  sex: string;
  /** Records merged into this one (not undone): their ids. */
  mergedIds: readonly string[];
};

export type IntakeInput = {
  id: string;
  createdAt: Date;
  /** The stored answers (contract `contractVersion`); empty after an erasure. */
  answers: unknown;
  contractVersion: string;
  rulesetVersion: string;
  level: Level;
  overrideLevel: Level | null;
  overrideReason: string | null;
  overriddenAt: Date | null;
  resolvedAt: Date | null;
  erased: boolean;
  /** The rules that fired and the flags raised, with their texts as released in `rulesetVersion`. */
  firedRules: readonly { id: string; level: Level | null; summary: string }[];
  flags: readonly { id: string; summary: string }[];
  /** The stored scores: { outlook, function }, each null when not collected. */
  scores: unknown;
};

export type ClinicianInput = { id: string; name: string; role: string; active: boolean; createdAt: Date };

export type AppointmentInput = {
  id: string;
  intakeId: string;
  startsAt: Date;
  endsAt: Date;
  status: "booked" | "cancelled" | "rescheduled" | "arrived" | "no_show" | "completed";
  createdAt: Date;
  cancelledAt: Date | null;
  cancelReason: string | null;
  type: string;
  clinicianId: string;
};

/** A 0-10 pain rating given after the intake: a recovery check-in or a pre-visit check. */
export type PainRatingInput = {
  id: string;
  source: "recovery_checkin" | "pre_visit_check";
  /** The check-in's week (recovery check-ins only). */
  week: number | null;
  at: Date;
  intensity: number;
};

/** Everything of one patient the bundle holds. */
export type EverythingInput = {
  patient: PatientInput;
  intakes: readonly IntakeInput[];
  appointments: readonly AppointmentInput[];
  clinicians: readonly ClinicianInput[];
  painRatings: readonly PainRatingInput[];
};
