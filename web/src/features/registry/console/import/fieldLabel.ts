// The roster column a problem is in, named as the template names it.
import { useTranslation } from 'react-i18next';

const KEYS = {
  building: 'registry.building',
  unit: 'registry.unit',
  room: 'registry.room',
  dibao: 'registry.dibao',
  isMigrant: 'registry.migrantHousehold',
  name: 'registry.name',
  gender: 'registry.gender',
  birthDate: 'registry.birthDate',
  relationToHead: 'registry.relationToHead',
  phone: 'registry.phone',
  idNumber: 'registry.idNumber',
  specialGroups: 'registry.specialGroups',
  health: 'registry.healthConditions',
  disability: 'registry.disability',
  note: 'registry.note',
} as const;

export function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string): string => {
    const top = field.split('.')[0] as keyof typeof KEYS;
    return top in KEYS ? t(KEYS[top]) : field;
  };
}
