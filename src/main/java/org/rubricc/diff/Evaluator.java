package org.rubricc.diff;

/**
 * One kind of change, found by comparing two models (in the manner of Smithy's diff evaluators).
 * Evaluators add what they find to the report; each difference is reported by exactly one of them.
 */
interface Evaluator {
    void evaluate(Report report);
}
