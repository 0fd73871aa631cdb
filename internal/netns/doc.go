// Package netns runs code in a network namespace of its own, with its
// loopback device up, for the tests that send and capture packets on Linux:
// on a device nothing else uses, their traffic reaches no other test and
// no other traffic reaches them. Sockets opened there stay there after Do
// returns.
package netns
