/**
 * The record of experiments: each training run with the network and settings it trained, the
 * data it saw, its history and checkpoints, and the tree that continuing and restoring runs make.
 * Stored beside the project by project.RunFiles (docs/decisions/0010-runs.md).
 */
package org.layerlab.training.runs;
