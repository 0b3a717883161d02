/** Wire records of the key service (sign-up, SRP login, tokens, devices, audit log). */
package dev.termvault.sync.protocol.keys;
