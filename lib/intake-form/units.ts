// Running distance in the clinic's unit: the form asks in km or miles, the contract stores km.

export type DistanceUnit = "km" | "mi";
export const DISTANCE_UNITS: readonly DistanceUnit[] = ["km", "mi"];

/** Kilometres in one mile (international mile). */
export const KM_PER_MILE = 1.609344;

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** A number the patient gave, in the stored unit (`storedPerShown`: stored units per shown unit). */
export const toStored = (shown: number, storedPerShown: number) => oneDecimal(shown * storedPerShown);

/** A stored number as the patient would give it. */
export const toShown = (stored: number, storedPerShown: number) => oneDecimal(stored / storedPerShown);
