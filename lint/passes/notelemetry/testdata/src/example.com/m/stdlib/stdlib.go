// Package stdlib is the root of the tree.
package stdlib
