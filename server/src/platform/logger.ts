// pino options: personal data never reaches the log (phone and ID numbers, health fields, secrets).
const SECRET_KEYS = [
  'phone',
  'password',
  'idNumber',
  'id_number',
  'health',
  'disability',
  'dibao',
  'code',
  'csrfToken',
  'token',
];

export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `body.${k}`, `*.body.${k}`]),
      ],
      censor: '[redacted]',
    },
    // Query strings may carry a phone tail or a name: log the path only.
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        ip: req.ip,
      }),
    },
  };
}
