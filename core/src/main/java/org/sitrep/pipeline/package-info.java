/** The coder: the one package that names the stages, orders them and hands each its part of the knowledge. */
package org.sitrep.pipeline;
