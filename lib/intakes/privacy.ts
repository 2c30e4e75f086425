/** The privacy notice shown with the intake; every intake records the version the patient saw. */
export const PRIVACY_NOTICE_VERSION = "2026-11";
