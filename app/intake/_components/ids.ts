/** The element id for a form field name (dots are awkward in CSS selectors and URLs). */
export const fieldId = (name: string) => name.replace(/\./g, "-");
