/** The clinic's phone number as a link a phone can call, or "the clinic" when none is set. */
export function PhoneLink({ phone }: { phone: string | null }) {
  return phone ? <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a> : <>the clinic</>;
}
