namespace Edge.Sip.Internal.Sdp;

/// <summary>A peer's offer (or answer) read against what we support.</summary>
/// <param name="AudioIndex">Index of the m= line we use for audio.</param>
/// <param name="Media">The public view of the offer.</param>
/// <param name="CodecPayloads">The payload number the peer uses for each supported codec.</param>
internal sealed record NegotiatedOffer(int AudioIndex, MediaOffer Media, IReadOnlyDictionary<CallAudioCodec, int> CodecPayloads);
