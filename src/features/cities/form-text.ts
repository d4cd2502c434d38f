/** A submitted form's fields as text: trimmed, line ends made one, absent or a list as ''. */
export type Form = Readonly<Record<string, unknown>>;

export const str = (form: Form, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
};

/** A field's chosen values (one value is a list of one), empty ones left out. */
export const strs = (form: Form, name: string): string[] => {
  const value = form[name];
  return (Array.isArray(value) ? value : [value]).filter(
    (entry): entry is string => typeof entry === 'string' && entry !== '',
  );
};
