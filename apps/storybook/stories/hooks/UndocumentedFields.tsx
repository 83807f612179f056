// Lists the fields a hook returns that its docs table (returns.ts) does not name, so a field added
// to a hook without a line in the table fails that hook's `ReturnsDocumented` story.
export function UndocumentedFields({ value, table }: { value: object; table: string }) {
  const missing = Object.keys(value).filter((key) => !new RegExp(`\`${key}(?![\\w$])`).test(table));
  return <p data-testid="undocumented">{missing.length > 0 ? missing.join(', ') : 'none'}</p>;
}
