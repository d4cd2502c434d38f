import Negotiator from 'negotiator';

/** Picks the best supported locale for an Accept-Language header, or the fallback. */
export function negotiateLocale(
  acceptLanguage: string | undefined,
  supported: readonly string[],
  fallback: string,
): string {
  const negotiator = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } });
  return negotiator.language([...supported]) ?? fallback;
}
