/**
 * The project a rubric belongs to: the folder its imports may not leave (found from the rubric's own place,
 * never from the working directory), and the lock of released versions kept there, {@code rubricc.lock}. Reads
 * the model only.
 */
package org.rubricc.project;
