/**
 * Wire records shared by the sync client and the sync server. Every endpoint lives under {@code /v1/}; bytes
 * are base64 strings on the wire (Jackson maps {@code byte[]} to standard base64); unknown fields are
 * refused by the server. Role-specific records live in {@code .keys} and {@code .blobs}.
 */
package dev.termvault.sync.protocol;
