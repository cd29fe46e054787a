import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('applies defaults to an empty environment', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      trustProxyHops: 0,
      groupCommit: true,
      logLevel: 'info',
    });
    expect(config.dbFile).toMatch(/data[/\\]hireflow\.db$/);
  });

  it('reads every documented variable', () => {
    const config = readConfig({
      HOST: '127.0.0.1',
      PORT: '9000',
      HIREFLOW_PUBLIC_URL: 'https://hire.example.com',
      HIREFLOW_TRUST_PROXY: 'true',
      HIREFLOW_DATA_DIR: '/var/lib/hireflow',
      HIREFLOW_GROUP_COMMIT: '0',
      HIREFLOW_LOG_LEVEL: 'warn',
      HIREFLOW_METRICS_TOKEN: 'a-long-enough-metrics-token',
      HIREFLOW_SHUTDOWN_TIMEOUT_MS: '2500',
    });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 9000,
      publicUrl: 'https://hire.example.com',
      trustProxyHops: 1,
      dbFile: '/var/lib/hireflow/hireflow.db',
      groupCommit: false,
      logLevel: 'warn',
      metricsToken: 'a-long-enough-metrics-token',
      shutdownTimeoutMs: 2500,
    });
    expect(readConfig({ HIREFLOW_TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      readConfig({
        PORT: 'eighty',
        HIREFLOW_LOG_LEVEL: 'loud',
        HIREFLOW_TRUST_PROXY: 'maybe',
        HIREFLOW_PUBLIC_URL: 'ftp://x',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.join('\n');
    for (const name of ['PORT', 'HIREFLOW_LOG_LEVEL', 'HIREFLOW_TRUST_PROXY', 'HIREFLOW_PUBLIC_URL']) {
      expect(issues).toContain(name);
    }
  });
});
