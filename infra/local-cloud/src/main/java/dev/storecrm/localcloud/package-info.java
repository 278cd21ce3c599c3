/**
 * The local cloud: the AWS services StoreCRM uses, emulated on this machine and provisioned from
 * template.yaml (DynamoDB Local and ElasticMQ in the JVM, the SES v2 emulator in Node, a minimal S3
 * ({@code LocalS3}), or LocalStack),
 * the template's bus rules, schedules and functions played as AWS would play them, each function's
 * IAM policy enforced, a simulated clock and capacity metering. Tests, the local run and the
 * benchmarks use it.
 *
 * <p>Only tests and tools depend on it: no deployable function does, and it knows the functions only
 * by the handler names template.yaml gives.
 */
package dev.storecrm.localcloud;
