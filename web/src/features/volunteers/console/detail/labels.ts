// i18n keys of the volunteer values whose key does not follow the value's name.
export const FITNESS_LABEL = {
  good: 'volunteer.fitnessGood',
  fair: 'volunteer.fitnessFair',
  limited: 'volunteer.fitnessLimited',
} as const;
