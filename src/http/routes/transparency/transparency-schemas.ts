import { z } from '@hono/zod-openapi';

/** Public, cacheable, readable from any origin: heads and proofs are for everyone to mirror. */
export const publicHeaders = {
  'access-control-allow-origin': '*',
  'cache-control': 'public, max-age=60',
};

const hex = z.string().regex(/^[0-9a-f]{64}$/);

export const treeHeadSchema = z
  .object({
    origin: z.string().openapi({ example: 'https://skillmark.example/transparency' }),
    treeSize: z.number().int(),
    rootHash: hex.openapi({ description: 'RFC 9162 Merkle tree head, hex SHA-256' }),
    timestamp: z.number().int().openapi({ description: 'Milliseconds since the epoch' }),
    signedAt: z.string(),
    signature: z.string().openapi({
      description:
        'Compact JWS (EdDSA) by the platform key over {"origin","treeSize","rootHash","timestamp"}',
    }),
    key: z.object({ id: z.string(), publicKeyMultibase: z.string() }),
    cosignatures: z.array(
      z.object({
        witness: z.string(),
        publicKeyMultibase: z.string(),
        signature: z.string(),
        receivedAt: z.string(),
      }),
    ),
  })
  .openapi('SignedTreeHead');

export const inclusionProofSchema = z
  .object({
    credentialHash: hex,
    leafIndex: z.number().int(),
    treeSize: z.number().int(),
    leaf: z
      .string()
      .openapi({ description: 'The logged event, canonical JSON (the hashed bytes)' }),
    leafHash: hex,
    auditPath: z.array(hex).openapi({ description: 'RFC 9162 §2.1.3 inclusion path' }),
    head: treeHeadSchema.nullable(),
  })
  .openapi('InclusionProof');

export const consistencyProofSchema = z
  .object({ first: z.number().int(), second: z.number().int(), proof: z.array(hex) })
  .openapi('ConsistencyProof');

export const witnessSchema = z
  .object({ name: z.string(), publicKeyMultibase: z.string(), createdAt: z.string() })
  .openapi('TransparencyWitness');

export const sizeSchema = z.coerce
  .number({ message: 'must be a whole number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must be 0 or more' });
