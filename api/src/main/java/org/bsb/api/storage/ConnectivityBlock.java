package org.bsb.api.storage;

/**
 * Connections of one connectivity set whose presynaptic cells lie in one chunk.
 *
 * @param preLocations (global cell id, branch, point) per connection (length 3n)
 * @param postLocations (global cell id, branch, point) per connection (length 3n)
 */
public record ConnectivityBlock(
        String set, String preType, String postType, long preChunk, int[] preLocations, int[] postLocations) {
    public int size() {
        return preLocations.length / 3;
    }
}
