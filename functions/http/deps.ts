/**
 * Dependencies of the deployed Lambdas, made once per container (module scope is reused
 * across invocations). The table name comes from POKIN_TABLE, set by infra/.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DynamoTreeStore } from '../store/dynamo.js';
import type { ApiEvent } from './request.js';
import type { Deps, Handler } from './route.js';

let deps: Deps | undefined;

export function lambdaDeps(): Deps {
  if (!deps) {
    const tableName = process.env.POKIN_TABLE ?? 'pokin';
    // More attempts than the SDK default (3): throttling on on-demand tables is brief.
    const client = new DynamoDBClient({ maxAttempts: 6 });
    deps = { store: new DynamoTreeStore({ client, tableName }) };
  }
  return deps;
}

/** The Lambda entry point of a route. */
export function lambda(h: Handler): (event: ApiEvent) => Promise<APIGatewayProxyStructuredResultV2> {
  return (event) => h(event, lambdaDeps());
}
