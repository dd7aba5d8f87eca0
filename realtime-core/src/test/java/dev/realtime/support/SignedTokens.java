package dev.realtime.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs JWTs with an RSA key pair generated for the test, as an identity provider would. */
public final class SignedTokens {

	public static final String AUDIENCE = "realtime";

	private final KeyPair keys;

	private final NimbusJwtEncoder encoder;

	public SignedTokens() {
		this.keys = generate();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) this.keys.getPublic()).privateKey(this.keys.getPrivate()).build();
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
	}

	public RSAPublicKey publicKey() {
		return (RSAPublicKey) this.keys.getPublic();
	}

	/**
	 * A decoder of these tokens as Boot's {@code public-key-location} and {@code audiences} resource server properties
	 * make it: signature, time (with its minute of clock skew) and audience checked.
	 */
	public JwtDecoder decoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(AUDIENCE))));
		return decoder;
	}

	/** A token for the audience, with these roles, expiring then. */
	public String token(String subject, Instant expiresAt, String... roles) {
		return token(subject, AUDIENCE, expiresAt, roles);
	}

	public String token(String subject, String audience, Instant expiresAt, String... roles) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(subject)
			.audience(List.of(audience))
			.issuedAt(expiresAt.minusSeconds(3600))
			.expiresAt(expiresAt)
			.claim("roles", List.of(roles))
			.build();
		return this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
