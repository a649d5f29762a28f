/** Narrow a phone list to one building, or leave it at all of them (the empty value). */
export function BuildingSelect<B extends { id: string }>({
  id,
  label,
  allLabel,
  value,
  onChange,
  buildings,
  optionLabel,
}: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  onChange: (buildingId: string) => void;
  buildings: B[] | undefined;
  optionLabel: (b: B) => string;
}) {
  return (
    <div className="ph-field">
      <label className="ph-field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="ph-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {(buildings ?? []).map((b) => (
          <option key={b.id} value={b.id}>
            {optionLabel(b)}
          </option>
        ))}
      </select>
    </div>
  );
}
