/**
 * The one DynamoDB table (ARCHITECTURE §3), the same definition functions/store/table.ts
 * creates locally: PK/SK strings, GSI1 (GSI1PK/GSI1SK) to list a pemda's OPD heads without a
 * Scan, on-demand, TTL on the attribute the store sets on not-yet-committed chunks.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** Must equal TTL_ATTRIBUTE and GSI1 in functions/store/table.ts (a test compares them). */
export const TTL_ATTRIBUTE = 'ttl';
export const GSI1 = 'GSI1';

export class PokinData extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A plain AWS::DynamoDB::Table (not TableV2's GlobalTable): one region, and the resource
    // type an IT team recognises in the console. Encryption at rest is on by default (AWS
    // owned key, no KMS charges).
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'PK', type: AttributeType.STRING },
      sortKey: { name: 'SK', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      // The trees are the pemda's planning record: restorable to any second of the last 35
      // days, undeletable by a stray `cdk destroy`, and kept if the stack goes away.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GSI1,
      partitionKey: { name: 'GSI1PK', type: AttributeType.STRING },
      sortKey: { name: 'GSI1SK', type: AttributeType.STRING },
      // Only HEAD items carry GSI1 keys, and they are small.
      projectionType: ProjectionType.ALL,
    });
  }
}
